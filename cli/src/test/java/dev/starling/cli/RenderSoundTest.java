package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.render.Video;
import dev.starling.show.Limits;
import dev.starling.show.Music;
import dev.starling.show.Timeline;
import dev.starling.trajectory.Trajectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling render --from --to --out clip.mp4} lays the show's music under the picture: a
 * synthetic track that is silent but for clicks at known track times, rendered through the CLI,
 * then read back with ffprobe (streams, lengths) and decoded with ffmpeg to find each click.
 */
class RenderSoundTest {
    static final int RATE = 44_100;
    static final double FPS = 30;
    /** Track times of the clicks, seconds: one for a clip that cuts into the track, one near its start. */
    static final double[] CLICKS = {0.8, 12.5};
    /** A click is a 2 ms burst at this share of full scale. */
    static final double CLICK_LEVEL = 0.9;
    /** Decoded AAC counts as sounding above this share of full scale (a third of the click). */
    static final double ONSET_LEVEL = 0.3;
    /** Sound and picture may differ in length by one AAC frame (1024 samples). */
    static final double LENGTH_TOLERANCE = 1024.0 / RATE;
    /** Each click must land within one video frame of its show time. */
    static final double ALIGNMENT = 1 / FPS;

    @TempDir
    Path dir;
    Path track;
    Path ffprobe;

    @BeforeEach
    void needsGlAndFfmpeg() throws IOException {
        RenderCommandTest.assumeGl();
        var ffmpeg = Video.ffmpeg();
        Assumptions.assumeTrue(ffmpeg.isPresent(), "no ffmpeg on the PATH: sound in the MP4 not tested");
        ffprobe = ffmpeg.get().resolveSibling("ffprobe");
        Assumptions.assumeTrue(Files.isExecutable(ffprobe), "no ffprobe beside ffmpeg: sound in the MP4 not tested");
        track = dir.resolve("music.wav");
        writeClicks(track, 20);
    }

    @Test
    void aClipFromInsideTheTrackHearsTheClickWhereItIsSeen() throws Exception {
        // show time 0 is track time 2, so the click at track 12.5 s sounds at show time 10.5 s
        Path plan = plan(2.0, track);
        Path mp4 = dir.resolve("clip.mp4");
        Run r = run("render", plan.toString(), "--from", "10", "--to", "11.5", "--fps", "30", "--size", "160x90",
                "--camera", "top", "--out", mp4.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + mp4 + " (46 frames at 30 fps, sound: music.wav from 12.000 s, ffmpeg)"),
                r.out());
        assertSoundMatchesPicture(mp4, 46, 10.5 - 10);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("clip.mp4", "music.wav", "plan.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "the frames went with the render");
        }
    }

    @Test
    void aClipThatStartsBeforeTheMusicHasSilenceFirst() throws Exception {
        // the music starts at show time 3, so the click at track 0.8 s sounds at show time 3.8 s
        Path plan = plan(-3.0, track);
        Path frames = dir.resolve("frames");
        Run r = run("render", plan.toString(), "--from", "2.5", "--to", "4.5", "--fps", "30", "--size", "160x90",
                "--camera", "top", "--out", frames.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Path mp4 = frames.resolve(RenderCommand.VIDEO);
        assertTrue(r.out().contains("wrote " + mp4 + " (61 frames at 30 fps, sound: 0.500 s of silence, then music.wav, ffmpeg)"),
                r.out());
        short[] pcm = assertSoundMatchesPicture(mp4, 61, 3.8 - 2.5);
        int before = (int) (0.5 * RATE);
        assertTrue(peak(pcm, 0, before) < 0.01, "silence before the music starts: peak " + peak(pcm, 0, before));
    }

    @Test
    void aMissingTrackIsNamedAndTheVideoIsSilent() throws Exception {
        Path plan = plan(0.0, dir.resolve("gone.wav"));
        Path mp4 = dir.resolve("clip.mp4");
        Run r = run("render", plan.toString(), "--from", "10", "--to", "10.5", "--fps", "10", "--size", "160x90",
                "--camera", "top", "--out", mp4.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no sound: the music file " + dir.resolve("gone.wav").toAbsolutePath()
                + " is missing, so the video is silent"), r.out());
        assertTrue(r.out().contains("(6 frames at 10 fps, no sound, ffmpeg)"), r.out());
        assertEquals("video", probe(mp4, "stream=codec_type").strip(), "only a video stream");
    }

    @Test
    void aClipOutsideTheMusicSaysSoAndIsSilent() throws Exception {
        Path plan = plan(-15.0, track); // the 20 s track plays from show time 15 to 35
        Path mp4 = dir.resolve("clip.mp4");
        Run r = run("render", plan.toString(), "--from", "2", "--to", "3", "--fps", "10", "--size", "160x90",
                "--camera", "top", "--out", mp4.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no sound: the clip (2.00..3.10 s) lies outside the music (15.00..35.00 s of show time)"),
                r.out());
        assertEquals("video", probe(mp4, "stream=codec_type").strip());
    }

    /**
     * Checks that {@code mp4} has video of {@code frames} frames and AAC audio as long,
     * that the audio's first loud sample lies within {@link #ALIGNMENT} of {@code clickAt}
     * seconds into the clip, and returns the decoded audio (mono, {@link #RATE}).
     */
    private short[] assertSoundMatchesPicture(Path mp4, int frames, double clickAt) throws Exception {
        // ffprobe writes the fields in its own order: codec_name, codec_type, duration
        String[] streams = probe(mp4, "stream=codec_name,codec_type,duration").strip().split("\n");
        assertEquals(2, streams.length, String.join("\n", streams));
        String[] v = streams[0].split(","), a = streams[1].split(",");
        assertEquals("video", v[1], streams[0]);
        assertEquals(List.of("aac", "audio"), List.of(a[0], a[1]), streams[1]);
        double video = Double.parseDouble(v[2]);
        double audio = Double.parseDouble(a[2]);
        assertEquals(frames / FPS, video, 1e-3, "the picture lasts its frames");
        assertEquals(video, audio, LENGTH_TOLERANCE, "the sound lasts as long as the picture");

        short[] pcm = decode(mp4);
        int onset = -1;
        for (int i = 0; i < pcm.length && onset < 0; i++) {
            if (Math.abs(pcm[i]) > ONSET_LEVEL * Short.MAX_VALUE) {
                onset = i;
            }
        }
        assertTrue(onset >= 0, "the click is in the clip");
        double heard = onset / (double) RATE;
        assertEquals(clickAt, heard, ALIGNMENT, String.format(Locale.ROOT,
                "the click sounds %.1f ms from where the picture is", (heard - clickAt) * 1000));
        return pcm;
    }

    private static double peak(short[] pcm, int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(pcm[i]));
        }
        return m / (double) Short.MAX_VALUE;
    }

    /** {@code ffprobe -show_entries ENTRIES} of {@code file}, one line a stream, values comma-separated. */
    private String probe(Path file, String entries) throws Exception {
        return exec(List.of(ffprobe.toString(), "-v", "error", "-show_entries", entries, "-of", "csv=p=0",
                file.toString())).toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The MP4's audio, decoded by ffmpeg to 16-bit mono at {@link #RATE}. */
    private static short[] decode(Path mp4) throws Exception {
        byte[] raw = exec(List.of(Video.ffmpeg().orElseThrow().toString(), "-v", "error", "-i", mp4.toString(), "-vn",
                "-f", "s16le", "-ac", "1", "-ar", String.valueOf(RATE), "-")).toByteArray();
        short[] pcm = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    private static java.io.ByteArrayOutputStream exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return out;
    }

    /** A silent mono 16-bit WAV of {@code seconds} with a click at each of {@link #CLICKS}. */
    static void writeClicks(Path file, double seconds) throws IOException {
        int n = (int) Math.round(seconds * RATE);
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        short level = (short) Math.round(CLICK_LEVEL * Short.MAX_VALUE);
        for (double c : CLICKS) {
            int at = (int) Math.round(c * RATE);
            for (int i = at; i < at + RATE / 500; i++) {
                b.putShort(2 * i, level);
            }
        }
        AudioFormat f = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /**
     * The 40-drone line show of {@link RenderCommandTest} (0..24 s) with {@code music} 20 s long,
     * show time 0 at track time {@code offset}.
     */
    private Path plan(double offset, Path music) throws IOException {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double x = (i - 19.5) * 2;
            trs.add(Trajectory.startingAt(0, x, 0, 0).lineTo(8, x, 0, 40).holdUntil(16).lineTo(24, x, 0, 0).build());
            lights.add(LightProgram.builder().set(1, 0x40C0FF).set(23, 0).build());
        }
        Timeline tl = new Timeline(new Music(music.toAbsolutePath(), "wav", offset, 20), List.of(), null);
        Plan p = new Plan("line", new Limits(1.5, 8, 6, 6, 4, 0, 120, null), trs, lights,
                List.of(new SceneSpan("Line", 0, 8, 16)), tl);
        Path file = dir.resolve("plan.json");
        PlanJson.write(p, file);
        return file;
    }
}
