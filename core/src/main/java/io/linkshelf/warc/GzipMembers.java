package io.linkshelf.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the gzip members of a record-at-a-time {@code .warc.gz} one by one, with the exact offset
 * and compressed length of each, checking every member's CRC and size trailer. A member that cannot
 * be read is described, not thrown, so a scan can go on and say where the damage is.
 */
final class GzipMembers {

    private static final int CHUNK = 64 * 1024;
    private static final int FTEXT_MASK = 0xe0; // reserved flag bits must be zero
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    /** One member: where it is, and its content or why it could not be read. */
    record Member(long offset, long length, byte[] data, String problem, boolean endOfFile) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    private final FileChannel channel;
    private final long size;

    GzipMembers(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /** Reads the member starting at {@code offset}; {@code endOfFile} tells whether its bytes ran out. */
    Member read(long offset) throws IOException {
        long pos = offset;
        byte[] head = bytes(pos, 10);
        if (head.length < 10) {
            return failure(offset, "an incomplete gzip header", true);
        }
        if ((head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b || head[2] != 8 || (head[3] & FTEXT_MASK) != 0) {
            return failure(offset, "no gzip member starts here", false);
        }
        int flags = head[3] & 0xff;
        pos += 10;
        if ((flags & FEXTRA) != 0) {
            byte[] xlen = bytes(pos, 2);
            if (xlen.length < 2) {
                return failure(offset, "an incomplete gzip header", true);
            }
            pos += 2 + ((xlen[0] & 0xff) | (xlen[1] & 0xff) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                long end = zero(pos);
                if (end < 0) {
                    return failure(offset, "an incomplete gzip header", true);
                }
                pos = end + 1;
            }
        }
        if ((flags & FHCRC) != 0) {
            pos += 2;
        }
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[CHUNK];
        try {
            long fed = pos;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    byte[] chunk = bytes(fed, CHUNK);
                    if (chunk.length == 0) {
                        return failure(offset, "the gzip member ends before its data does", true);
                    }
                    inflater.setInput(chunk);
                    fed += chunk.length;
                } else if (inflater.needsDictionary()) {
                    return failure(offset, "the gzip member asks for a preset dictionary", false);
                }
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                crc.update(buffer, 0, n);
            }
            long trailerAt = fed - inflater.getRemaining();
            byte[] trailer = bytes(trailerAt, 8);
            if (trailer.length < 8) {
                return failure(offset, "the gzip member lacks its CRC and size trailer", true);
            }
            long storedCrc = le32(trailer, 0);
            long storedSize = le32(trailer, 4);
            if (storedCrc != crc.getValue()) {
                return failure(offset, "the gzip member's CRC does not match its data", false);
            }
            if (storedSize != (out.size() & 0xffffffffL)) {
                return failure(offset, "the gzip member's size trailer does not match its data", false);
            }
            return new Member(offset, trailerAt + 8 - offset, out.toByteArray(), "", false);
        } catch (DataFormatException e) {
            return failure(offset, "the gzip data is corrupt (" + e.getMessage() + ")", false);
        } finally {
            inflater.end();
        }
    }

    /** The offset of the next member after {@code from} that reads whole, if any: where a scan resumes after damage. */
    java.util.OptionalLong resync(long from) throws IOException {
        // read in chunks: a torn tail can be megabytes long, and every byte of it is a candidate start
        for (long base = from + 1; base + 10 <= size; base += CHUNK) {
            byte[] chunk = bytes(base, CHUNK + 2);
            for (int i = 0; i + 2 < chunk.length && i < CHUNK; i++) {
                if ((chunk[i] & 0xff) == 0x1f && (chunk[i + 1] & 0xff) == 0x8b && chunk[i + 2] == 8 && read(base + i).ok()) {
                    return java.util.OptionalLong.of(base + i);
                }
            }
        }
        return java.util.OptionalLong.empty();
    }

    private static Member failure(long offset, String problem, boolean endOfFile) {
        return new Member(offset, 0, new byte[0], problem, endOfFile);
    }

    private long zero(long from) throws IOException {
        for (long p = from; p < size; p += CHUNK) {
            byte[] chunk = bytes(p, CHUNK);
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == 0) {
                    return p + i;
                }
            }
        }
        return -1;
    }

    private byte[] bytes(long at, int count) throws IOException {
        if (at >= size) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, size - at));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                break;
            }
        }
        byte[] out = new byte[buffer.position()];
        buffer.flip().get(out);
        return out;
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }
}
