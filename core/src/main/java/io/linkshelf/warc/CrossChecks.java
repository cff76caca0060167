package io.linkshelf.warc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks across records: request/response pairs, the CDXJ index, and the records manifests name. */
final class CrossChecks {

    private CrossChecks() {
    }

    static List<VerifyFinding> pairing(Map<String, WarcRecordCheck.Info> byId) {
        List<VerifyFinding> findings = new ArrayList<>();
        byId.values().stream()
                .sorted((a, b) -> a.file().equals(b.file()) ? Long.compare(a.offset(), b.offset()) : a.file().compareTo(b.file()))
                .forEach(record -> {
                    boolean response = record.type().equals("response") || record.type().equals("revisit");
                    boolean request = record.type().equals("request");
                    if (!response && !request) {
                        return;
                    }
                    String partner = response ? "request" : "response";
                    boolean paired = record.concurrentTo().stream().map(byId::get)
                            .anyMatch(other -> other != null && (response ? other.type().equals("request")
                                    : other.type().equals("response") || other.type().equals("revisit"))
                                    && other.concurrentTo().contains(record.id()));
                    if (!paired) {
                        findings.add(WarcRecordCheck.finding(VerifyFinding.Kind.UNPAIRED, record.file(), record.offset(),
                                record.type() + " record " + record.id() + " has no " + partner
                                        + " record pointing back at it through WARC-Concurrent-To"));
                    }
                    if (record.type().equals("revisit") && record.refersTo().filter(byId::containsKey).isEmpty()) {
                        findings.add(WarcRecordCheck.finding(VerifyFinding.Kind.MISSING_RECORD, record.file(), record.offset(),
                                "revisit record " + record.id() + " refers to " + record.refersTo().orElse("nothing")
                                        + ", which no WARC file holds"));
                    }
                });
        return findings;
    }

    static List<VerifyFinding> index(Path cdxj, Map<String, WarcRecordCheck.Info> byPosition) {
        List<VerifyFinding> findings = new ArrayList<>();
        String name = "index/" + cdxj.getFileName();
        List<CdxjIndex.Line> lines;
        try {
            lines = CdxjIndex.read(cdxj);
        } catch (IOException e) {
            findings.add(new VerifyFinding(VerifyFinding.Kind.INDEX_MISMATCH, name, java.util.OptionalLong.empty(),
                    e.getMessage()));
            return findings;
        }
        for (CdxjIndex.Line line : lines) {
            String url = line.url().orElse("");
            String where = "the line for " + url + " (" + line.timestamp() + ")";
            Optional<String> file = line.filename();
            Optional<Long> offset;
            try {
                offset = line.offset();
            } catch (NumberFormatException e) {
                offset = Optional.empty();
            }
            if (file.isEmpty() || offset.isEmpty()) {
                findings.add(new VerifyFinding(VerifyFinding.Kind.INDEX_MISMATCH, name, java.util.OptionalLong.empty(),
                        where + " has no filename or offset"));
                continue;
            }
            Optional<WarcRecordCheck.Info> record = WarcVerifier.at(byPosition, file.get(), offset.get());
            String target = file.get() + " offset " + offset.get();
            if (record.isEmpty()) {
                findings.add(new VerifyFinding(VerifyFinding.Kind.INDEX_MISMATCH, name, java.util.OptionalLong.empty(),
                        where + " points at " + target + ", where no whole record starts"));
                continue;
            }
            WarcRecordCheck.Info r = record.get();
            List<String> wrong = new ArrayList<>();
            if (!r.target().orElse("").equals(url)) {
                wrong.add("its URL is " + r.target().orElse("(none)"));
            }
            Optional<String> digest = line.field("digest");
            if (digest.isPresent() && !r.payloadDigest().filter(d -> WarcRecordCheck.sameDigest(d, digest.get())).isPresent()) {
                wrong.add("its payload digest is " + r.payloadDigest().orElse("(none)") + ", the line says " + digest.get());
            }
            Optional<Long> length = line.field("length").flatMap(CrossChecks::number);
            if (length.isPresent() && length.get() != r.length()) {
                wrong.add("it is " + r.length() + " bytes long, the line says " + length.get());
            }
            if (!wrong.isEmpty()) {
                findings.add(new VerifyFinding(VerifyFinding.Kind.INDEX_MISMATCH, name, java.util.OptionalLong.empty(),
                        where + " points at the " + r.type() + " record at " + target + ", but " + String.join("; ", wrong)));
            }
        }
        return findings;
    }

    static List<VerifyFinding> references(List<WarcVerifier.Reference> references, Map<String, WarcRecordCheck.Info> byId) {
        List<VerifyFinding> findings = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (WarcVerifier.Reference ref : references) {
            Capture c = ref.capture();
            if (!seen.add(ref.manifest() + " " + c.responseRecordId() + " " + c.requestRecordId())) {
                continue;
            }
            WarcRecordCheck.Info response = byId.get(c.responseRecordId());
            if (response == null) {
                findings.add(missing(ref, c.kind().name().toLowerCase(java.util.Locale.ROOT) + " record " + c.responseRecordId()
                        + " (" + c.filename() + " offset " + c.offset() + ")"));
            } else if (!response.file().equals(c.filename()) || response.offset() != c.offset()) {
                findings.add(missing(ref, "record " + c.responseRecordId() + " at " + c.filename() + " offset " + c.offset()
                        + " (it is at " + response.file() + " offset " + response.offset() + ")"));
            }
            if (!byId.containsKey(c.requestRecordId())) {
                findings.add(missing(ref, "request record " + c.requestRecordId() + " (" + c.filename() + ")"));
            }
        }
        return findings;
    }

    private static VerifyFinding missing(WarcVerifier.Reference ref, String what) {
        return new VerifyFinding(VerifyFinding.Kind.MISSING_RECORD, ref.manifest(), java.util.OptionalLong.empty(),
                ref.owner() + " names " + what + ", which no WARC file holds there");
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
