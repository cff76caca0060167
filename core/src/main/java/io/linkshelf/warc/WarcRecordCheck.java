package io.linkshelf.warc;

import org.netpreserve.jwarc.WarcDigest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses one decompressed WARC record and checks it on its own: version line, mandatory fields,
 * Content-Length against the bytes present, block digest, and for responses the payload digest.
 */
final class WarcRecordCheck {

    private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the cross-checks need to know about a record. */
    record Info(String file, long offset, long length, String type, String id, Optional<String> target,
                Optional<String> payloadDigest, List<String> concurrentTo, Optional<String> refersTo) {
    }

    /** The record's facts (when its header could be read) and the problems found in it. */
    record Outcome(Optional<Info> info, List<VerifyFinding> findings) {
    }

    private WarcRecordCheck() {
    }

    static Outcome check(String file, long offset, long length, byte[] data) {
        List<VerifyFinding> findings = new ArrayList<>();
        int headerEnd = indexOf(data, END, 0);
        String first = headerEnd < 0 ? "" : new String(data, 0, Math.min(headerEnd, 16), StandardCharsets.ISO_8859_1);
        if (headerEnd < 0 || !(first.startsWith("WARC/1.0\r\n") || first.startsWith("WARC/1.1\r\n"))) {
            findings.add(finding(VerifyFinding.Kind.CORRUPT_RECORD, file, offset, "not a WARC record (no WARC/1.x header)"));
            return new Outcome(Optional.empty(), findings);
        }
        Map<String, List<String>> fields = fields(new String(data, 0, headerEnd, StandardCharsets.UTF_8));
        Optional<String> type = field(fields, "WARC-Type");
        Optional<String> id = field(fields, "WARC-Record-ID");
        Optional<String> contentLength = field(fields, "Content-Length");
        if (type.isEmpty() || id.isEmpty() || contentLength.isEmpty() || field(fields, "WARC-Date").isEmpty()) {
            findings.add(finding(VerifyFinding.Kind.CORRUPT_RECORD, file, offset,
                    "the record lacks WARC-Type, WARC-Record-ID, WARC-Date or Content-Length"));
            return new Outcome(Optional.empty(), findings);
        }
        String what = type.get() + " record " + id.get();
        int blockStart = headerEnd + END.length;
        long declared;
        try {
            declared = Long.parseLong(contentLength.get().strip());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        int present = data.length - blockStart - END.length;
        boolean ends = data.length >= blockStart + END.length
                && Arrays.equals(data, data.length - END.length, data.length, END, 0, END.length);
        Info info = new Info(file, offset, length, type.get(), id.get(), field(fields, "WARC-Target-URI"),
                field(fields, "WARC-Payload-Digest"), fields.getOrDefault("warc-concurrent-to", List.of()),
                field(fields, "WARC-Refers-To"));
        if (declared != present || !ends) {
            findings.add(finding(VerifyFinding.Kind.DIGEST_MISMATCH, file, offset, what + ": Content-Length says "
                    + contentLength.get().strip() + " bytes but the record holds " + Math.max(0, present)));
            return new Outcome(Optional.of(info), findings);
        }
        byte[] block = Arrays.copyOfRange(data, blockStart, blockStart + present);
        field(fields, "WARC-Block-Digest").ifPresent(d -> compare(d, block, "block", what, file, offset, findings));
        boolean http = field(fields, "Content-Type").map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/http"))
                .orElse(false);
        if (type.get().equals("response") && http && info.payloadDigest().isPresent()) {
            comparePayload(info.payloadDigest().get(), block, what, file, offset, findings);
        }
        return new Outcome(Optional.of(info), findings);
    }

    private static void compare(String declared, byte[] bytes, String part, String what, String file, long offset,
                                List<VerifyFinding> findings) {
        try {
            WarcDigest expected = new WarcDigest(declared.strip());
            MessageDigest digest = expected.getDigester();
            WarcDigest actual = new WarcDigest(expected.algorithm(), digest.digest(bytes));
            if (!Arrays.equals(expected.bytes(), actual.bytes())) {
                findings.add(finding(VerifyFinding.Kind.DIGEST_MISMATCH, file, offset, what + ": the " + part
                        + " digest is " + actual.prefixedBase32() + " but the record declares " + declared.strip()));
            }
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            findings.add(finding(VerifyFinding.Kind.CORRUPT_RECORD, file, offset,
                    what + ": cannot check the " + part + " digest " + declared.strip() + " (" + e.getMessage() + ")"));
        }
    }

    private static void comparePayload(String declared, byte[] block, String what, String file, long offset,
                                       List<VerifyFinding> findings) {
        Optional<String> actual;
        try {
            // the recorder's own reading of a raw response, so both sides agree on what the payload is
            actual = RawResponse.analyse(ByteBody.of(block), what).payloadDigest().map(WarcDigest::prefixedBase32);
        } catch (java.io.IOException | RuntimeException e) {
            findings.add(finding(VerifyFinding.Kind.CORRUPT_RECORD, file, offset,
                    what + ": the HTTP response cannot be parsed (" + e.getMessage() + ")"));
            return;
        }
        if (actual.isEmpty() || !sameDigest(declared, actual.get())) {
            findings.add(finding(VerifyFinding.Kind.DIGEST_MISMATCH, file, offset, what + ": the payload digest is "
                    + actual.orElse("not computable") + " but the record declares " + declared.strip()));
        }
    }

    static boolean sameDigest(String a, String b) {
        try {
            WarcDigest x = new WarcDigest(a.strip());
            WarcDigest y = new WarcDigest(b.strip());
            return x.algorithm().equalsIgnoreCase(y.algorithm()) && Arrays.equals(x.bytes(), y.bytes());
        } catch (RuntimeException e) {
            return a.strip().equals(b.strip());
        }
    }

    private static Map<String, List<String>> fields(String header) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String[] lines = header.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(unbracket(lines[i].substring(colon + 1).strip()));
            }
        }
        return fields;
    }

    // WARC 1.0 writes record ids in angle brackets, and some tools write WARC-Target-URI that way too
    private static String unbracket(String value) {
        return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<String> field(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static VerifyFinding finding(VerifyFinding.Kind kind, String file, long offset, String message) {
        return new VerifyFinding(kind, file, java.util.OptionalLong.of(offset), message);
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
