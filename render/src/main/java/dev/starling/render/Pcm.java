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
 * <p>{@link #decode} reads MP3 through JLayer's decoder (the same library core reads MP3 frame
 * headers with) and WAV through {@code javax.sound.sampled} (any PCM or float encoding it
 * converts to 16-bit); an OGG track is refused with a message (the preview plays it silent).
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
        if (name.endsWith(".mp3")) {
            return mp3(file);
        }
        if (!name.endsWith(".wav")) {
            throw new IOException("the preview plays MP3 and WAV tracks; convert "
                    + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)
                    + " with ffmpeg -i " + file.getFileName() + " -b:a 192k music.mp3");
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

    /** Every frame of an MP3 through JLayer's decoder, 16-bit, interleaved as JLayer writes it. */
    private static Pcm mp3(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            javazoom.jl.decoder.Bitstream bs = new javazoom.jl.decoder.Bitstream(in);
            javazoom.jl.decoder.Decoder dec = new javazoom.jl.decoder.Decoder();
            short[] all = new short[1 << 20];
            int n = 0, channels = 0, rate = 0;
            try {
                javazoom.jl.decoder.Header h;
                while ((h = bs.readFrame()) != null) {
                    javazoom.jl.decoder.SampleBuffer out = (javazoom.jl.decoder.SampleBuffer) dec.decodeFrame(h, bs);
                    if (channels == 0) {
                        channels = out.getChannelCount();
                        rate = out.getSampleFrequency();
                    }
                    int len = out.getBufferLength();
                    if (n + len > all.length) {
                        all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, n + len));
                    }
                    System.arraycopy(out.getBuffer(), 0, all, n, len);
                    n += len;
                    bs.closeFrame();
                }
            } finally {
                bs.close();
            }
            if (channels == 0) {
                throw new IOException("no MP3 frames in " + file);
            }
            return new Pcm(java.util.Arrays.copyOf(all, n - n % channels), channels, rate);
        } catch (javazoom.jl.decoder.JavaLayerException e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }
}
