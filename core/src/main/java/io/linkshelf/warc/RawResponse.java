package io.linkshelf.warc;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcDigest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the recorder needs to know about a raw HTTP response, learnt in one pass over its bytes: the head as received,
 * status and media type, the block digest over all bytes, and the payload digest over the entity body with any
 * transfer-encoding removed but content-encoding kept (WARC 1.1 section 6.3.2, and what jwarc's validator checks).
 */
record RawResponse(byte[] head, int status, Optional<String> mime, WarcDigest blockDigest,
                   Optional<WarcDigest> payloadDigest) {

    static RawResponse analyse(ByteBody body, String what) throws IOException {
        MessageDigest block = sha1();
        long counted;
        HttpResponse http;
        Optional<WarcDigest> payloadDigest;
        try (DigestInputStream in = new DigestInputStream(body.open(), block);
             SizedChannel channel = new SizedChannel(in, body.length())) {
            try {
                http = HttpResponse.parse(channel);
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot parse the HTTP response head of " + what + ": " + e.getMessage(), e);
            }
            payloadDigest = digestPayload(http.body());
            // whatever follows the payload (bytes after the last chunk) still belongs to the block
            counted = channel.position() + in.transferTo(OutputStream.nullOutputStream());
        }
        if (counted != body.length()) {
            throw new IOException("raw response of " + what + " changed while recording: announced "
                    + body.length() + " bytes, read " + counted);
        }
        byte[] head = http.serializeHeader();
        Optional<String> mime = http.headers().first("Content-Type").map(RawResponse::baseType)
                .filter(s -> !s.isEmpty());
        return new RawResponse(head, http.status(), mime, new WarcDigest(block), payloadDigest);
    }

    /** Only the payload digest, for callers deciding whether a new capture repeats an old one. */
    static Optional<WarcDigest> payloadDigestOf(ByteBody body) throws IOException {
        return analyse(body, body.toString()).payloadDigest();
    }

    // A chunked body cut short cannot be delimited; like jwarc's own writer we then state no payload digest at all
    // rather than one over a guess.
    private static Optional<WarcDigest> digestPayload(MessageBody payload) {
        MessageDigest digest = sha1();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (payload.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new WarcDigest(digest));
    }

    /** The media type without parameters, as pywb's indexer reduces it: cut at the first ';' or whitespace. */
    static String baseType(String contentType) {
        String trimmed = contentType.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == ';' || Character.isWhitespace(c)) {
                return trimmed.substring(0, i);
            }
        }
        return trimmed;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }

    static WarcDigest sha1Of(byte[] bytes) {
        MessageDigest digest = sha1();
        digest.update(bytes);
        return new WarcDigest(digest);
    }

    @Override
    public byte[] head() {
        return Arrays.copyOf(head, head.length);
    }

}
