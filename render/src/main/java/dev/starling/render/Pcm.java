package dev.starling.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A decoded soundtrack: 16-bit samples, interleaved by channel, for {@link MusicPlayer} to hand to
 * OpenAL.
 *
 * <p>Stand-in, with the same shape, for core's {@code AudioFiles.decode(Path) → Pcm} (MP3, WAV,
 * OGG), which is being written: until it lands, {@link #decode} reads WAV (any PCM or float
 * encoding {@code javax.sound.sampled} converts to 16-bit) and refuses other formats with a
 * message; switching means calling {@code AudioFiles.decode} and deleting this class.
 *
 * @param samples    interleaved samples, {@code frames × channels}
 * @param channels   1 or more
 * @param sampleRate frames per second
 */
record Pcm(short[] samples, int channels, int sampleRate) {
    Pcm {
        if (channels < 1 || sampleRate < 1 || samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not make whole frames of " + channels
                    + " channels, or the rate " + sampleRate + " is not positive");
        }
    }

    /** Frames (samples per channel). */
    int frames() {
        return samples.length / channels;
    }

    /** Length, seconds. */
    double seconds() {
        return frames() / (double) sampleRate;
    }

    /**
     * Decodes {@code file} to 16-bit PCM.
     *
     * @throws IOException when the file cannot be read or is not a WAV this stand-in decodes
     */
    static Pcm decode(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".wav")) {
            throw new IOException("the preview plays WAV tracks only until Starling decodes "
                    + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + " itself");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            AudioFormat s16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                    2 * f.getChannels(), f.getSampleRate(), false);
            try (InputStream pcm = AudioSystem.getAudioInputStream(s16, in)) {
                byte[] bytes = pcm.readAllBytes();
                int frames = bytes.length / s16.getFrameSize();
                short[] samples = new short[frames * f.getChannels()];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
                return new Pcm(samples, f.getChannels(), Math.round(f.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }
}
