package dev.starling.cli;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The plan's flight paths and light programs as the web page carries them: the planned Bézier
 * segments themselves (not sampled frames), times on the 1 ms grid, points on a 1 mm grid, each
 * point a delta from the one before, as varints in seven sections (structure of arrays, so like
 * numbers sit together and deflate well), then raw deflate. The page's {@code decode.js}
 * ({@code decodeShow}) reads it; docs/web.md describes the layout.
 *
 * <p>Rounding: a point moves by at most 0.5 mm per axis; a Bézier curve is a convex combination
 * of its points, so a position moves by at most √3 × 0.5 mm ≈ 0.9 mm. Knot times of a plan lie
 * on the 1 ms grid already (the planner puts them there), light keyframes too.
 */
final class WebPack {
    /** First bytes of the stream. */
    static final byte[] MAGIC = "STW1".getBytes(StandardCharsets.US_ASCII);
    /** Grid of the coordinates, metres. */
    static final double POSITION_STEP = 1e-3;
    /** Grid of the times, seconds. */
    static final double TIME_STEP = 1e-3;

    private WebPack() {
    }

    /** The deflated stream of {@code plan}. O(segments + keyframes). */
    static byte[] pack(Plan plan) {
        int n = plan.droneCount();
        Varints counts = new Varints(), degrees = new Varints(), times = new Varints(), points = new Varints();
        Varints lightCounts = new Varints(), lightTimes = new Varints(), colours = new Varints();
        long prevStartMs = 0, prevLightMs = 0;
        long[] prevStart = new long[3];
        long[] prev = new long[3];
        for (int i = 0; i < n; i++) {
            Trajectory tr = plan.trajectories().get(i);
            int segs = tr.segmentCount();
            counts.uint(segs);
            long ms = ms(tr.startTime());
            times.sint(ms - prevStartMs);
            prevStartMs = ms;
            for (int a = 0; a < 3; a++) {
                long q = mm(tr.control(0, 0, a));
                points.sint(q - prevStart[a]);
                prevStart[a] = q;
                prev[a] = q;
            }
            for (int s = 0; s < segs; s++) {
                int deg = tr.degree(s);
                degrees.raw(deg);
                long end = ms(tr.knot(s + 1));
                if (end <= ms) {
                    throw new IllegalArgumentException("drone " + (i + 1) + " segment " + s + " is shorter than 1 ms");
                }
                times.uint(end - ms);
                ms = end;
                for (int k = 1; k <= deg; k++) {
                    for (int a = 0; a < 3; a++) {
                        long q = mm(tr.control(s, k, a));
                        points.sint(q - prev[a]);
                        prev[a] = q;
                    }
                }
            }
            LightProgram lp = plan.lights().get(i);
            lightCounts.uint(lp.size());
            long lms = 0;
            int r = 0, g = 0, b = 0;
            for (int k = 0; k < lp.size(); k++) {
                long t = ms(lp.time(k));
                if (k == 0) {
                    lightTimes.sint(t - prevLightMs);
                    prevLightMs = t;
                } else {
                    lightTimes.uint(Math.max(0, t - lms));
                }
                lms = t;
                int c = lp.rgb(k);
                int nr = (c >> 16) & 255, ng = (c >> 8) & 255, nb = c & 255;
                colours.raw((nr - r) & 255);
                colours.raw((ng - g) & 255);
                colours.raw((nb - b) & 255);
                colours.raw(lp.fade(k) ? 1 : 0);
                r = nr;
                g = ng;
                b = nb;
            }
        }
        Varints out = new Varints();
        out.bytes(MAGIC);
        out.uint(n);
        for (Varints v : new Varints[] {counts, degrees, times, points, lightCounts, lightTimes, colours}) {
            out.uint(v.size());
            out.bytes(v.toByteArray());
        }
        return deflate(out.toByteArray());
    }

    /** Raw deflate (no zlib header), best compression: what the page's DecompressionStream('deflate-raw') reads. */
    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Little-endian float32 bytes of {@code v}, deflated (the page's geometry blobs). */
    static byte[] floats(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return deflate(b.array());
    }

    private static long ms(double t) {
        return Math.round(t / TIME_STEP);
    }

    private static long mm(double x) {
        return Math.round(x / POSITION_STEP);
    }

    /** A growable byte buffer of LEB128 varints. */
    private static final class Varints extends ByteArrayOutputStream {
        void uint(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative varint " + v);
            }
            while (v >= 0x80) {
                write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            write((int) v);
        }

        void sint(long v) {
            uint((v << 1) ^ (v >> 63));
        }

        void raw(int b) {
            write(b);
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }
    }
}
