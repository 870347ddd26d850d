package dev.jlogin.sandbox;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * How far a download has got. On a terminal: one line, rewritten in place whenever the percentage
 * grows. Elsewhere (a pipe, a log): a plain line at every tenth, and no control codes. Without a
 * known size, mebibytes stand in for the percentage.
 */
public final class DownloadProgress {
    private static final long MIB = 1024 * 1024;
    private static final int STEP = 10;

    private final PrintStream out;
    private final boolean inPlace;

    /** @param inPlace whether {@code out} is a terminal that takes a carriage return */
    public DownloadProgress(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** {@code in}, showing what has been read of its {@code size} bytes (-1: unknown); closing it ends the line. */
    public InputStream track(InputStream in, long size) {
        return new FilterInputStream(in) {
            private long read;
            private long shown;
            private boolean drawn;

            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(Math.max(n, 0));
                return n;
            }

            private void advance(int bytes) {
                read += bytes;
                long position = size > 0 ? read * 100 / size : read / MIB;
                if (inPlace ? position > shown : position >= shown + STEP) {
                    shown = inPlace ? position : position - position % STEP;
                    String text = size > 0 ? String.format("%5d %% of %d MiB", shown, (size + MIB / 2) / MIB)
                            : String.format("%5d MiB", shown);
                    if (inPlace) {
                        // the text never gets shorter, so rewriting it needs nothing but a carriage return
                        out.print("\r" + text);
                        drawn = true;
                    } else {
                        out.println(text);
                    }
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (drawn) {
                    out.println();
                    drawn = false;
                }
                super.close();
            }
        };
    }
}
