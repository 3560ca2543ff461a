package dev.starling.light.effect;

import dev.starling.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a video's frames for the {@code video} effect with {@code ffmpeg} (and its
 * {@code ffprobe}) from the PATH: frames resampled to a fixed rate and scaled down to at most
 * {@value #MAX_WIDTH} pixels across (a formation has a few thousand drones: more pixels add
 * nothing). Without ffmpeg, or for a file it cannot decode, an {@link InputException} says so.
 */
public final class VideoFrames {
    /** Frame rate used when the effect gives none. */
    public static final double DEFAULT_FPS = 25;
    /** Highest frame rate: the light clock's tick rate. */
    public static final double MAX_FPS = 50;
    /** Widest frame kept, pixels. */
    public static final int MAX_WIDTH = 96;
    /** Most pixels kept over all frames (about 40 s at 25 fps and 96 × 54). */
    public static final long MAX_TOTAL_PIXELS = 6_000_000;
    /** Longest ffmpeg may take, seconds. */
    static final long TIMEOUT_S = 120;

    private VideoFrames() {
    }

    /** The frames of {@code file} at {@code fps}, 0xRRGGBB row-major from the top row. */
    public static Effect.Frames decode(Path file, double fps) {
        String name = file.getFileName().toString();
        String probe = run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=width,height", "-of", "csv=p=0", file.toString()), name).trim();
        String[] wh = probe.isEmpty() ? new String[0] : probe.split("\\R")[0].split(",");
        int w0, h0;
        try {
            w0 = Integer.parseInt(wh[0].trim());
            h0 = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            throw new InputException(null, "file", name + " has no video stream ffprobe can read",
                    "give a video file (MP4, WebM, MOV, GIF); check it plays");
        }
        int w = Math.min(MAX_WIDTH, w0);
        int h = Math.max(1, (int) Math.round((double) w * h0 / w0));
        byte[] raw = runBytes(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-vf",
                String.format(Locale.ROOT, "fps=%s,scale=%d:%d:flags=area", fps, w, h), "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-"), name, (long) w * h * 3 * (MAX_TOTAL_PIXELS / ((long) w * h) + 1));
        int frameBytes = w * h * 3;
        int count = raw.length / frameBytes;
        if (count == 0) {
            throw new InputException(null, "file", name + " decodes to no frames",
                    "check that the video plays and is not empty");
        }
        if ((long) count * w * h > MAX_TOTAL_PIXELS) {
            throw new InputException(null, "file", name + " is too long for a light effect at " + fps + " fps ("
                    + count + " frames)", "cut the clip to under " + MAX_TOTAL_PIXELS / ((long) w * h) / (long) fps
                    + " s, or lower \"fps\"");
        }
        int[][] frames = new int[count][w * h];
        for (int k = 0, o = 0; k < count; k++) {
            for (int p = 0; p < w * h; p++, o += 3) {
                frames[k][p] = ((raw[o] & 255) << 16) | ((raw[o + 1] & 255) << 8) | (raw[o + 2] & 255);
            }
        }
        return new Effect.Frames(w, h, fps, frames);
    }

    private static String run(List<String> cmd, String name) {
        return new String(runBytes(cmd, name, 1 << 20), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(List<String> cmd, String name, long maxBytes) {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new InputException(null, "file", "decoding the video " + name + " needs " + cmd.get(0)
                    + ", which is not installed (or not on the PATH)",
                    "install ffmpeg (e.g. apt-get install ffmpeg), or use an \"image\" effect with a still");
        }
        try {
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(p.getErrorStream(), err, 1 << 16));
            drain.setDaemon(true);
            drain.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean whole = copy(p.getInputStream(), out, maxBytes);
            if (!whole) {
                p.destroyForcibly();
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException(null, "file", cmd.get(0) + " took more than " + TIMEOUT_S + " s on " + name,
                        "use a shorter or smaller clip");
            }
            drain.join(1000);
            if (whole && p.exitValue() != 0) {
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                int nl = msg.indexOf('\n');
                throw new InputException(null, "file", cmd.get(0) + " cannot decode " + name
                        + (msg.isEmpty() ? "" : ": " + (nl > 0 ? msg.substring(0, nl) : msg)),
                        "check that the file is a complete video (MP4, WebM, MOV, GIF) that plays");
            }
            return out.toByteArray();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InputException(null, "file", "interrupted while decoding " + name, null);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new InputException(null, "file", "cannot read " + cmd.get(0) + "'s output for " + name + ": "
                    + e.getMessage(), null);
        }
    }

    /** Copies up to {@code max} bytes; returns false when the stream had more. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long max) {
        byte[] buf = new byte[1 << 16];
        try (in) {
            int r;
            while ((r = in.read(buf)) > 0) {
                if (out.size() + r > max) {
                    return false;
                }
                out.write(buf, 0, r);
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
