package io.linkshelf.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a stream of known length. jwarc's HTTP parser delimits a body that is neither chunked nor
 * announced by Content-Length by asking a seekable channel for its size, exactly as it does when it reads the same
 * bytes back from a WARC record; this channel gives it that answer without seeking.
 */
final class SizedChannel implements SeekableByteChannel {
    private final InputStream in;
    private final long size;
    private final boolean strict;
    private long position;
    private boolean open = true;

    SizedChannel(InputStream in, long size) {
        this(in, size, false);
    }

    private SizedChannel(InputStream in, long size, boolean strict) {
        this.in = in;
        this.size = size;
        this.strict = strict;
    }

    /** A channel that fails rather than end early, so a body that shrank after its digests were taken cannot become
     * a record shorter than its Content-Length. */
    static SizedChannel strict(InputStream in, long size) {
        return new SizedChannel(in, size, true);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        byte[] chunk = new byte[Math.min(dst.remaining(), 8192)];
        int n = in.read(chunk);
        if (n < 0) {
            if (strict && position < size) {
                throw new EOFException("body ended after " + position + " of " + size + " bytes");
            }
            return -1;
        }
        dst.put(chunk, 0, n);
        position += n;
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition != position) {
            throw new UnsupportedOperationException("SizedChannel cannot seek");
        }
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        in.close();
    }
}
