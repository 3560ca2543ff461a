package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.openal.ALC10.ALC_FREQUENCY;
import static org.lwjgl.openal.SOFTLoopback.ALC_FORMAT_CHANNELS_SOFT;
import static org.lwjgl.openal.SOFTLoopback.ALC_FORMAT_TYPE_SOFT;
import static org.lwjgl.openal.SOFTLoopback.ALC_MONO_SOFT;
import static org.lwjgl.openal.SOFTLoopback.ALC_FLOAT_SOFT;
import static org.lwjgl.openal.SOFTLoopback.alcLoopbackOpenDeviceSOFT;
import static org.lwjgl.openal.SOFTLoopback.alcRenderSamplesSOFT;

import dev.starling.show.Music;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.openal.ALC;

/**
 * The preview's music: the show-time ↔ track-time mapping, the silent player where there is no
 * sound device, and, on an OpenAL Soft loopback device (which mixes on demand into memory, so no
 * sound card and no waiting), what OpenAL actually plays as the clock starts, pauses and jumps.
 */
class MusicPlayerTest {
    static final int RATE = 22_050;
    /** 10 s of seeded noise: every stretch of it is unlike every other, so its place can be found. */
    static final short[] TRACK = Tracks.noise(10 * RATE, 1, 8000, 42);
    /** The track starts at show time 1: show time t plays track time t − 1. */
    static final Music MUSIC = new Music(Path.of("noise.wav"), "wav", -1.0, 10.0);
    /** Samples each loopback check renders: 0.2 s. */
    static final int BLOCK = RATE / 5;
    /** How far from the expected place the loopback's output may be found: one sample. */
    static final int PLACE_TOLERANCE = 1;
    /** Normalised correlation that counts as "this is the track": the mixer's gain may differ, the shape may not. */
    static final double SAME_SOUND = 0.99;
    /** Seconds OpenAL Soft may take to fade a stopping voice out (it ramps to avoid a click). */
    static final double FADE = 0.01;

    @Test
    void showTimeIsTrackTimeLessTheOffset() {
        Music late = new Music(Path.of("a.wav"), "wav", 2.0, 30); // show time 0 is 2 s into the track
        assertEquals(12.0, MusicPlayer.trackTime(late, 10.0), 1e-12);
        assertEquals(10.0, MusicPlayer.showTime(late, 12.0), 1e-12);
        Music early = new Music(Path.of("b.wav"), "wav", -3.0, 30); // the music starts 3 s into the show
        assertEquals(-3.0, MusicPlayer.trackTime(early, 0.0), 1e-12, "before the track: negative track time");
        for (Music m : new Music[] {late, early}) {
            assertEquals(m.startInShow(), MusicPlayer.showTime(m, 0), 1e-12, "track time 0 is where Music says the track starts");
            assertEquals(m.endInShow(), MusicPlayer.showTime(m, m.duration()), 1e-12);
            for (double t = -5; t < 40; t += 0.37) {
                assertEquals(t, MusicPlayer.showTime(m, MusicPlayer.trackTime(m, t)), 1e-12);
            }
        }
    }

    @Test
    void withoutASoundDeviceThePlayerIsSilentAndSaysWhy(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("song.wav");
        Tracks.writeWav(wav, Tracks.noise(RATE, 1, 8000, 1), 1, RATE);
        Music music = new Music(wav, "wav", 0, 1);
        try (MusicPlayer p = MusicPlayer.open(music, "Starling test: no such device")) {
            assertFalse(p.audible());
            assertEquals("no sound device called 'Starling test: no such device'", p.reason());
            assertEquals("sound: off, the preview runs silent (no sound device called 'Starling test: no such device')",
                    p.describe());
            assertTrue(Double.isNaN(p.sync(0.5, true, true)), "a silent player hears nothing");
            assertFalse(p.sounding());
        }
        try (MusicPlayer none = MusicPlayer.open(null)) {
            assertEquals("sound: none (the plan has no music)", none.describe());
        }
        try (MusicPlayer gone = MusicPlayer.open(new Music(dir.resolve("gone.wav"), "wav", 0, 1))) {
            assertFalse(gone.audible());
            assertTrue(gone.reason().contains("gone.wav"), gone.reason());
        }
    }

    /** On this machine's default device: it plays, or it is silent with a reason (CI has no sound card). */
    @Test
    void theDefaultDeviceEitherPlaysOrSaysWhyNot(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("song.wav");
        Tracks.writeWav(wav, Tracks.noise(RATE, 1, 8000, 1), 1, RATE);
        try (MusicPlayer p = MusicPlayer.open(new Music(wav, "wav", 0, 1))) {
            if (p.audible()) {
                assertTrue(p.describe().startsWith("sound: song.wav through "), p.describe());
            } else {
                assertFalse(p.reason().isBlank());
                assertTrue(p.describe().startsWith("sound: off, the preview runs silent ("), p.describe());
            }
        }
    }

    @Test
    void openAlPlaysTheTrackFromTheClocksTrackTimeAndFollowsPauseAndJumps() {
        Assumptions.assumeTrue(ALC.getCapabilities().ALC_SOFT_loopback, "this OpenAL has no loopback device");
        long device = alcLoopbackOpenDeviceSOFT((ByteBuffer) null);
        Assumptions.assumeTrue(device != 0, "no OpenAL loopback device");
        // float output: OpenAL Soft dithers integer output, which would hide true silence
        int[] monoFloat = {ALC_FREQUENCY, RATE, ALC_FORMAT_CHANNELS_SOFT, ALC_MONO_SOFT, ALC_FORMAT_TYPE_SOFT, ALC_FLOAT_SOFT, 0};
        try (MusicPlayer p = MusicPlayer.onDevice(MUSIC, new Pcm(TRACK, 1, RATE), device, monoFloat)) {
            assertTrue(p.audible(), p.reason());

            assertEquals(0.5, p.sync(0.5, true, false), 1e-12, "show time 0.5: the sound starts, silent until the track");
            float[] intro = render(device, (int) (0.75 * RATE));
            assertEquals(0f, peak(intro, 0, RATE / 2), "silence before the track");
            assertPlays(java.util.Arrays.copyOfRange(intro, RATE / 2, intro.length), 0.0);
            assertEquals(1.25, p.sync(0.55, true, false), 1e-3, "the clock is told what is heard: 1.25 s");

            assertEquals(3.25, p.sync(3.25, true, true), 1e-12, "a jump to 3.25 starts the sound there");
            assertPlays(render(device, BLOCK), 2.25);
            assertEquals(3.25 + 0.2, p.sync(3.45, true, false), 1e-3,
                    "what is heard after 0.2 s of sound, the clock's to follow");

            assertTrue(Double.isNaN(p.sync(3.45, false, false)), "paused: nothing heard");
            assertEquals(0f, peak(render(device, BLOCK), (int) (FADE * RATE)), "paused: silence");

            p.sync(3.45, true, false);
            assertPlays(render(device, BLOCK), 2.45);

            p.sync(7.0, true, true);
            assertPlays(render(device, BLOCK), 6.0);

            assertTrue(Double.isNaN(p.sync(11.5, true, false)), "after the track's end");
            assertEquals(0f, peak(render(device, BLOCK), (int) (FADE * RATE)), "silence after the track");
        }
    }

    /** Mixes {@code n} samples of the loopback device's output. */
    private static float[] render(long device, int n) {
        float[] out = new float[n];
        alcRenderSamplesSOFT(device, out, n);
        return out;
    }

    private static float peak(float[] s, int from) {
        return peak(s, from, s.length);
    }

    private static float peak(float[] s, int from, int to) {
        float m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(s[i]));
        }
        return m;
    }

    /**
     * Asserts that {@code out} is the track from {@code trackTime}: of every place within half a
     * second, the one the output correlates best with lies within {@link #PLACE_TOLERANCE}
     * samples, and correlates as the same sound.
     */
    private static void assertPlays(float[] out, double trackTime) {
        int expected = (int) Math.round(trackTime * RATE);
        int best = -1;
        double bestC = -2;
        for (int at = Math.max(0, expected - RATE / 2); at <= Math.min(TRACK.length - out.length, expected + RATE / 2); at++) {
            double c = correlation(out, at);
            if (c > bestC) {
                bestC = c;
                best = at;
            }
        }
        assertEquals(expected, best, PLACE_TOLERANCE, "the output is the track from " + trackTime + " s");
        assertTrue(bestC > SAME_SOUND, "and sounds like it: correlation " + bestC);
    }

    /** Normalised correlation of {@code out} with the track from sample {@code at}. */
    private static double correlation(float[] out, int at) {
        double xy = 0, xx = 0, yy = 0;
        for (int i = 0; i < out.length; i++) {
            double x = out[i], y = TRACK[at + i];
            xy += x * y;
            xx += x * x;
            yy += y * y;
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }
}
