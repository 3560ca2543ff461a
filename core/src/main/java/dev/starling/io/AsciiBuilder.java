package dev.starling.io;

import java.util.Arrays;

/**
 * A growable ASCII byte buffer with the few number formats our flight files need, written
 * without {@code String.format}, boxing or intermediate strings: exporters format millions of
 * numbers and this is their inner loop.
 *
 * <p>Fixed-point numbers are passed as scaled integers ({@code thousandths}: 1234 is 1.234),
 * which the caller obtains with {@link #thousandths(double)}; that keeps rounding in one place.
 * Not thread-safe; one per worker, reused via {@link #clear()}.
 */
public final class AsciiBuilder {
    private byte[] buf;
    private int len;

    public AsciiBuilder(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** {@code v} in thousandths, rounded half away from zero (so that rounding is symmetric under negation). */
    public static long thousandths(double v) {
        double s = v * 1000.0;
        return s >= 0 ? (long) (s + 0.5) : -(long) (-s + 0.5);
    }

    public int length() {
        return len;
    }

    /** The bytes written so far; valid up to {@link #length()} until the next append. */
    public byte[] array() {
        return buf;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public AsciiBuilder clear() {
        len = 0;
        return this;
    }

    public AsciiBuilder append(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends an ASCII string (characters above 0x7F are the caller's mistake and are replaced by '?'). */
    public AsciiBuilder append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[len++] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return this;
    }

    /** Appends raw bytes. */
    public AsciiBuilder append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Appends a decimal integer. */
    public AsciiBuilder append(long v) {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append(Long.toString(v));
            }
            buf[len++] = '-';
            v = -v;
        }
        if (v <= Integer.MAX_VALUE) {
            appendPositive((int) v);
            return this;
        }
        // rare: more than ten digits; write backwards from the end, then shift into place
        int i = 20;
        byte[] tmp = new byte[20];
        while (v > 0) {
            tmp[--i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        System.arraycopy(tmp, i, buf, len, 20 - i);
        len += 20 - i;
        return this;
    }

    /**
     * Writes a non-negative int two digits at a time, right to left into its final place: the
     * exporters' hottest formatting (every CSV row starts with a time).
     */
    private void appendPositive(int v) {
        int n = 1;
        for (int p = 10; n < 10 && v >= p; p *= 10) {
            n++;
        }
        int i = len + n;
        len = i;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            buf[--i] = ONES[r];
            buf[--i] = TENS[r];
            v = q;
        }
        if (v >= 10) {
            buf[--i] = ONES[v];
            buf[--i] = TENS[v];
        } else {
            buf[--i] = (byte) ('0' + v);
        }
    }

    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /**
     * Appends {@code q/1000} with exactly three decimals ({@code 1500 → "1.500"},
     * {@code -5 → "-0.005"}); zero is written {@code "0.000"}, never {@code "-0.000"}.
     */
    public AsciiBuilder appendFixed3(long q) {
        ensure(24);
        if (q < 0) {
            buf[len++] = '-';
            q = -q;
        }
        append(q / 1000);
        int f = (int) (q % 1000);
        buf[len++] = '.';
        buf[len++] = (byte) ('0' + f / 100);
        buf[len++] = (byte) ('0' + (f / 10) % 10);
        buf[len++] = (byte) ('0' + f % 10);
        return this;
    }

    /**
     * Appends {@code q/1000} in the shortest form that keeps its value ({@code 1500 → "1.5"},
     * {@code 2000 → "2"}, {@code -5 → "-0.005"}): compact JSON numbers.
     */
    public AsciiBuilder appendCompact3(long q) {
        ensure(24);
        if (q < 0) {
            buf[len++] = '-';
            q = -q;
        }
        append(q / 1000);
        int f = (int) (q % 1000);
        if (f != 0) {
            buf[len++] = '.';
            buf[len++] = (byte) ('0' + f / 100);
            if (f % 100 != 0) {
                buf[len++] = (byte) ('0' + (f / 10) % 10);
                if (f % 10 != 0) {
                    buf[len++] = (byte) ('0' + f % 10);
                }
            }
        }
        return this;
    }

    /** Appends {@code s} as a JSON string literal (quoted, escaped; non-ASCII as {@code \\uXXXX}). */
    public AsciiBuilder appendJsonString(String s) {
        ensure(s.length() + 2);
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(2);
                buf[len++] = '\\';
                buf[len++] = (byte) c;
            } else if (c < 0x20 || c >= 0x7F) {
                ensure(6);
                buf[len++] = '\\';
                buf[len++] = 'u';
                for (int shift = 12; shift >= 0; shift -= 4) {
                    buf[len++] = (byte) "0123456789abcdef".charAt((c >> shift) & 15);
                }
            } else {
                ensure(1);
                buf[len++] = (byte) c;
            }
        }
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
