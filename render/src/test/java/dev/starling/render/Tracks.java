package dev.starling.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Synthetic soundtracks for the sound tests: seeded noise, so that every stretch of the track is unlike any other. */
final class Tracks {
    private Tracks() {
    }

    /** {@code frames × channels} samples of seeded noise within ±{@code level} (16-bit), interleaved. */
    static short[] noise(int frames, int channels, int level, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        short[] s = new short[frames * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) r.nextInt(-level, level + 1);
        }
        return s;
    }

    /** Writes 16-bit little-endian {@code samples} as a WAV file. */
    static void writeWav(Path file, short[] samples, int channels, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        AudioFormat f = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, samples.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
