package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcmTest {
    @Test
    void aSixteenBitWavDecodesToItsOwnSamples(@TempDir Path dir) throws IOException {
        short[] s = Tracks.noise(1000, 2, 30_000, 7);
        Path f = dir.resolve("stereo.wav");
        Tracks.writeWav(f, s, 2, 22_050);
        Pcm p = Pcm.decode(f);
        assertEquals(2, p.channels());
        assertEquals(22_050, p.sampleRate());
        assertEquals(1000, p.frames());
        assertArrayEquals(s, p.samples());
    }

    @Test
    void anEightBitWavIsWidenedToFullSixteenBitScale(@TempDir Path dir) throws IOException {
        byte[] u8 = {(byte) 128, (byte) 255, 0, (byte) 192};
        Path f = dir.resolve("u8.wav");
        AudioFormat fmt = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 8000, 8, 1, 1, 8000, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(u8), fmt, u8.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, f.toFile());
        }
        short[] s = Pcm.decode(f).samples();
        assertEquals(4, s.length);
        assertEquals(0, s[0], "the unsigned midpoint is silence");
        assertEquals(Short.MIN_VALUE, s[2], "0 is full scale down");
        assertTrue(s[1] >= 127 << 8, "255 is full scale up: " + s[1]);
        assertEquals(64 << 8, s[3], 1 << 8, "a quarter up stays a quarter up");
    }

    @Test
    void theFlagshipMp3DecodesToTheWholeTrack() throws IOException {
        Pcm p = Pcm.decode(Path.of("..", "shows", "chongqing", "assets", "soundtrack.mp3"));
        assertEquals(22050, p.sampleRate());
        assertEquals(1, p.channels());
        assertEquals(376.0, p.seconds(), 0.1, "every frame decoded");
        int loud = 0;
        for (int i = 145 * 22050; i < 146 * 22050; i++) {
            loud = Math.max(loud, Math.abs(p.samples()[i]));
        }
        assertTrue(loud > 8000, "the chorus is not silence: peak " + loud);
    }

    @Test
    void filesItCannotDecodeAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path ogg = Files.write(dir.resolve("song.ogg"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> Pcm.decode(ogg));
        assertTrue(e.getMessage().contains("MP3 and WAV") && e.getMessage().contains("OGG"), e.getMessage());
        Path notMp3 = Files.write(dir.resolve("song.mp3"), new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> Pcm.decode(notMp3));
        Path notWav = Files.write(dir.resolve("noise.wav"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        IOException bad = assertThrows(IOException.class, () -> Pcm.decode(notWav));
        assertTrue(bad.getMessage().contains("noise.wav"), bad.getMessage());
    }
}
