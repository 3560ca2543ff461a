package dev.starling.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns numbered PNG frames into an H.264 MP4 with the {@code ffmpeg} found on the PATH (none is
 * bundled). The video is written to a temporary name and renamed into place when ffmpeg
 * succeeds, so a failed encode never leaves a half file.
 */
public final class Video {
    /** The frame file pattern, as both the frame writer and ffmpeg spell it. */
    public static final String FRAME_PATTERN = "frame-%05d.png";

    private Video() {
    }

    /** The ffmpeg executable on the PATH, if any. */
    public static Optional<Path> ffmpeg() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The command that encodes the first {@code frames} frames of {@code dir} at {@code fps} into
     * {@code out} (also shown to users who lack ffmpeg). The count keeps frames left over from an
     * earlier, longer sequence out of the video.
     */
    public static List<String> command(Path ffmpeg, Path dir, double fps, int frames, Path out) {
        return List.of(ffmpeg.toString(), "-y", "-loglevel", "error",
                "-framerate", String.format(Locale.ROOT, "%.6g", fps),
                "-i", dir.resolve(FRAME_PATTERN).toString(), "-frames:v", String.valueOf(frames),
                "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", out.toString());
    }

    /**
     * Encodes {@code dir/frame-00001.png …} (the first {@code frames}) at {@code fps} frames per
     * second into {@code out}.
     *
     * @throws IOException with ffmpeg's own message when it fails
     */
    public static void encode(Path ffmpeg, Path dir, double fps, int frames, Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        Process p = new ProcessBuilder(command(ffmpeg, dir, fps, frames, tmp)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Files.deleteIfExists(tmp);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg was encoding " + out, e);
        }
        if (rc != 0) {
            Files.deleteIfExists(tmp);
            throw new IOException("ffmpeg failed (exit " + rc + "): " + (log.isEmpty() ? "no message" : log));
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
