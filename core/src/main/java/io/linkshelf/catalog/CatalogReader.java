package io.linkshelf.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a seed list, the bundled one or a user's file, into a {@link Catalog}.
 *
 * <p>Anything a text file can hold is accepted (CRLF, a BOM, stray bytes that are not UTF-8);
 * only files that cannot be a link list at all (missing, a directory, binary, too big) are refused.
 */
public final class CatalogReader {

    /** Far above any hand-kept list (the bundled one is 0.5 MB), low enough to refuse a wrong file fast. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final String BUNDLED = "links.md";
    private static final int BINARY_SNIFF_BYTES = 8192;

    private CatalogReader() {}

    /** The seed list bundled with linkshelf: ~1,100 links to WeChat and Zhihu articles. */
    public static Catalog bundled() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled seed list is missing from the jar: rebuild linkshelf");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled seed list", e);
        }
    }

    /** The bytes of the bundled seed list, as {@link #bundled()} reads them. */
    public static byte[] bundledBytes() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled seed list is missing from the jar: rebuild linkshelf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled seed list", e);
        }
    }

    /** Reads a seed list file. */
    public static Catalog read(Path file) throws SeedFileException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new SeedFileException(file, "it is a directory; give the Markdown file itself", null);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SeedFileException(file, "it is " + size / (1024 * 1024) + " MB, over the "
                        + MAX_BYTES / (1024 * 1024) + " MB limit for a seed list; split it into smaller lists", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SeedFileException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SeedFileException(file, "permission denied", e);
        } catch (SeedFileException e) {
            throw e;
        } catch (IOException e) {
            throw new SeedFileException(file, String.valueOf(e.getMessage()), e);
        }
        if (looksBinary(bytes)) {
            throw new SeedFileException(file, "it looks like a binary file, not a Markdown link list", null);
        }
        return parse(bytes);
    }

    /** Parses seed-list bytes, decoding them as UTF-8 and replacing (with a warning) what is not. */
    static Catalog parse(byte[] bytes) {
        SeedListParser parser = new SeedListParser();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            parser.warn(0, "the file is not valid UTF-8; undecodable bytes were replaced with \uFFFD: save it as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // an annotated copy of a list (linkshelf annotate) is still the list: its marks are not seeds
        return parser.parse(AnnotatedList.strip(text));
    }

    /** A text file has no NUL byte; UTF-16 or a binary format nearly always does, early on. */
    private static boolean looksBinary(byte[] bytes) {
        int end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
