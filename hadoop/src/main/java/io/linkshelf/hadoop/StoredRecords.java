package io.linkshelf.hadoop;

import com.martinkl.warc.WARCRecord;
import io.linkshelf.warc.CaptureReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Optional;

/**
 * Turns a record as warc-hadoop hands it over (parsed header fields and the block's bytes) into linkshelf's
 * stored response, by writing it out again as one uncompressed WARC record and reading that with the same
 * {@link CaptureReader} code the command line uses: one HTTP decoder (chunking, gzip, truncation), not two.
 */
final class StoredRecords {

    private StoredRecords() {}

    /** The record's WARC-Record-ID without its angle brackets, as linkshelf's manifests hold it. */
    static Optional<String> id(WARCRecord record) {
        String id = record.getHeader().getRecordID();
        if (id == null) {
            return Optional.empty();
        }
        String bare = id.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return Optional.of(bare);
    }

    static boolean isResponse(WARCRecord record) {
        return "response".equals(record.getHeader().getRecordType());
    }

    /**
     * @param where names the record in error messages
     */
    static CaptureReader.StoredResponse read(WARCRecord record, String where) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.getContent().length + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            record.write(out);
        }
        return CaptureReader.read(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())), where);
    }
}
