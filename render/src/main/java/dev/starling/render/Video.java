package dev.starling.render;

import dev.starling.show.Music;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns numbered PNG frames into an H.264 MP4 with the {@code ffmpeg} found on the PATH (none is
 * bundled), optionally with the show's soundtrack under it as AAC. The video is written to a
 * temporary name and renamed into place when ffmpeg succeeds, so a failed encode never leaves a
 * half file.
 *
 * <p>Alignment: frame k is the show at {@code clipStart + k / fps} and has presentation time
 * {@code k / fps}; the audio is cut so that its sample at time 0 is the track at
 * {@link Soundtrack#start}, with silence first when that is negative (the show starts before the
 * music) and silence after the track's end, so sound and picture end together. Cutting happens in
 * ffmpeg's filter graph on decoded samples, exact to the sample whatever the container.
 */
public final class Video {
    /** The frame file pattern, as both the frame writer and ffmpeg spell it. */
    public static final String FRAME_PATTERN = "frame-%05d.png";
    /** AAC bit rate of the soundtrack, bits per second. */
    static final int AUDIO_BITRATE = 192_000;

    /**
     * A soundtrack to lay under a clip.
     *
     * @param file  the audio file (any format ffmpeg reads: MP3, WAV, OGG)
     * @param start track time at the clip's first frame, seconds; negative: that much silence first
     */
    public record Soundtrack(Path file, double start) {
        /** The show's music under a clip whose first frame is show time {@code clipStart}. */
        public static Soundtrack of(Music music, double clipStart) {
            return new Soundtrack(music.file(), clipStart + music.offset());
        }
    }

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
        return command(ffmpeg, dir, fps, frames, null, out);
    }

    /**
     * As {@link #command(Path, Path, double, int, Path)}, with {@code sound} (or none, when
     * {@code null}) as the MP4's AAC audio, exactly as long as the {@code frames / fps} seconds
     * of video.
     */
    public static List<String> command(Path ffmpeg, Path dir, double fps, int frames, Soundtrack sound, Path out) {
        double seconds = frames / fps;
        // The frame count is enforced on the input (frames before seconds, the last one 1/fps
        // earlier): an output -frames:v would close the whole file, audio and all, once the video
        // reached it, which with PNGs read faster than audio can be before any sound is written.
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-y", "-loglevel", "error",
                "-framerate", String.format(Locale.ROOT, "%.6g", fps), "-t", String.format(Locale.ROOT, "%.6f", seconds),
                "-i", dir.resolve(FRAME_PATTERN).toString()));
        if (sound != null) {
            c.addAll(List.of("-i", sound.file().toString(), "-map", "0:v:0", "-map", "1:a:0",
                    "-af", audioFilter(sound.start(), seconds),
                    "-c:a", "aac", "-b:a", String.valueOf(AUDIO_BITRATE)));
        }
        c.addAll(List.of("-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", out.toString()));
        return c;
    }

    /**
     * The filter that makes the track's sample at {@code start} seconds the clip's first and the
     * audio {@code duration} seconds long: cut the start (or delay it behind silence when
     * negative), pad the end with silence, cut at the duration.
     */
    static String audioFilter(double start, double duration) {
        String head = start >= 0
                ? String.format(Locale.ROOT, "atrim=start=%.6f,asetpts=PTS-STARTPTS", start)
                : String.format(Locale.ROOT, "adelay=delays=%.3f:all=1", -start * 1000);
        return head + String.format(Locale.ROOT, ",apad,atrim=end=%.6f", duration);
    }

    /**
     * Encodes {@code dir/frame-00001.png …} (the first {@code frames}) at {@code fps} frames per
     * second into {@code out}.
     *
     * @throws IOException with ffmpeg's own message when it fails
     */
    public static void encode(Path ffmpeg, Path dir, double fps, int frames, Path out) throws IOException {
        encode(ffmpeg, dir, fps, frames, null, out);
    }

    /**
     * Encodes as {@link #encode(Path, Path, double, int, Path)} does, with {@code sound} under
     * the picture (none when {@code null}).
     *
     * @throws IOException with ffmpeg's own message when it fails
     */
    public static void encode(Path ffmpeg, Path dir, double fps, int frames, Soundtrack sound, Path out)
            throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        Process p = new ProcessBuilder(command(ffmpeg, dir, fps, frames, sound, tmp)).redirectErrorStream(true).start();
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
