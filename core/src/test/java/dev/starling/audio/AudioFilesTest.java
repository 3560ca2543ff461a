package dev.starling.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soundtracks read as a show needs them: format from the content, length within a few frames,
 * and each bad file (empty, cut short, misnamed, not audio, ten hours long) refused with the
 * file's name and a hint, the long one from its header at once.
 */
class AudioFilesTest {
    /** An MP3's length is its frames', which include the encoder's padding (about 50 ms at 22 kHz). */
    private static final double MP3_TOLERANCE = 0.1;

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = AudioFilesTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    static void wav(Path file, double seconds, int rate) throws IOException {
        int frames = (int) Math.round(seconds * rate);
        AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), f, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void lengthsAndFormatsComeFromTheFiles() throws IOException {
        Path w = dir.resolve("a.wav");
        wav(w, 3.25, 8000);
        AudioInfo wi = AudioFiles.probe(w);
        assertEquals("wav", wi.format());
        assertEquals(3.25, wi.duration(), 1e-9);
        assertEquals(8000, wi.sampleRate());
        AudioInfo mi = AudioFiles.probe(resource("tone.mp3"));
        assertEquals("mp3", mi.format());
        assertEquals(2.0, mi.duration(), MP3_TOLERANCE);
        assertEquals(22050, mi.sampleRate());
        assertEquals(1, mi.channels());
        AudioInfo oi = AudioFiles.probe(resource("tone.ogg"));
        assertEquals("ogg", oi.format());
        assertEquals(2.0, oi.duration(), 1e-3);
        assertEquals(22050, oi.sampleRate());
    }

    @Test
    void theFlagshipSoundtrackLastsTheShow() {
        Path track = Path.of("..", "shows", "chongqing", "assets", "soundtrack.mp3");
        AudioInfo i = AudioFiles.probe(track);
        assertEquals("mp3", i.format());
        assertEquals(376.0, i.duration(), MP3_TOLERANCE);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path p = Files.write(dir.resolve("song.mp3"), new byte[0]);
        InputException e = assertThrows(InputException.class, () -> AudioFiles.probe(p));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertEquals(p.toString(), e.file());
        assertTrue(e.hint() != null);
    }

    @Test
    void aWavNamedMp3IsRefusedSayingWhatItReallyIs() throws IOException {
        Path w = dir.resolve("song.mp3");
        wav(w, 1, 8000);
        InputException e = assertThrows(InputException.class, () -> AudioFiles.probe(w));
        assertTrue(e.getMessage().contains("named .mp3 but its content is WAV"), e.getMessage());
        assertTrue(e.hint().contains(".wav"), e.hint());
    }

    @Test
    void somethingThatIsNotAudioIsRefused() throws IOException {
        Path p = Files.writeString(dir.resolve("song.mp3"), "{\"format\": \"starling-show/1\"}");
        InputException e = assertThrows(InputException.class, () -> AudioFiles.probe(p));
        assertTrue(e.getMessage().contains("not an MP3, WAV or OGG Vorbis file"), e.getMessage());
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        Path w = dir.resolve("cut.wav");
        wav(w, 2, 8000);
        byte[] all = Files.readAllBytes(w);
        Files.write(w, Arrays.copyOf(all, all.length / 2));
        InputException we = assertThrows(InputException.class, () -> AudioFiles.probe(w));
        assertTrue(we.getMessage().contains("cut short"), we.getMessage());

        byte[] ogg = Files.readAllBytes(resource("tone.ogg"));
        Path o = Files.write(dir.resolve("cut.ogg"), Arrays.copyOf(ogg, ogg.length - 700));
        InputException oe = assertThrows(InputException.class, () -> AudioFiles.probe(o));
        assertTrue(oe.getMessage().contains("cut short"), oe.getMessage());

        byte[] mp3 = Files.readAllBytes(resource("tone.mp3"));
        Path m = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(mp3, 3));
        assertThrows(InputException.class, () -> AudioFiles.probe(m), "three bytes hold no frame");
    }

    @Test
    void aTenHourFileIsRefusedFromItsHeaderAtOnce() throws IOException {
        // a sparse file: a WAV header for 10 h of 8 kHz 8-bit mono, and zeros (silence) that use no disk
        Path p = dir.resolve("long.wav");
        long data = 10L * 3600 * 8000;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(8000)
                .putShort((short) 1).putShort((short) 8);
        h.put("data".getBytes()).putInt((int) data);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.write(h.array());
            f.setLength(44 + data);
        }
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InputException.class, () -> AudioFiles.probe(p)));
        assertTrue(e.getMessage().contains("10.0 hours long"), e.getMessage());
    }
}
