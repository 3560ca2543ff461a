package dev.starling.audio;

import dev.starling.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Header;

/**
 * Reads the format and length of a soundtrack: MP3 (frame headers, through JLayer's
 * {@link Bitstream}), WAV (its header, through {@code javax.sound.sampled}) or OGG Vorbis (the
 * identification header and the last page's granule position). The format comes from the
 * file's content and must agree with its extension. Nothing is decoded: a 6-minute MP3 is read
 * in milliseconds, and a file longer than {@link #MAX_SECONDS} is refused from its header (WAV,
 * OGG) or as soon as the frames pass the limit (MP3).
 */
public final class AudioFiles {
    /** Longest track accepted, seconds (3 hours): drone shows last minutes, batteries half an hour. */
    public static final double MAX_SECONDS = 3 * 3600;

    private static final String CONVERT = "convert it to MP3, which Skybrush needs too: ffmpeg -i IN -b:a 192k out.mp3";

    private AudioFiles() {
    }

    /**
     * The format and length of {@code file}.
     *
     * @throws InputException naming the file when it is missing, empty, of an unknown format,
     *                        named for another format, cut short, or longer than {@link #MAX_SECONDS}
     */
    public static AudioInfo probe(Path file) {
        String label = file.toString();
        long size;
        byte[] head = new byte[12];
        int got;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                got = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new InputException(label, "cannot read the audio file: " + e.getMessage(), "check the path and permissions");
        }
        if (size == 0) {
            throw new InputException(label, "the audio file is empty (0 bytes)", "export the track again from your audio editor");
        }
        String format = sniff(head, got);
        if (format == null) {
            throw new InputException(label, "not an MP3, WAV or OGG Vorbis file (it starts with bytes "
                    + hex(head, got) + ")", "give the track as MP3 (Skybrush needs MP3), WAV or OGG Vorbis");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
        if (!ext.equals(format)) {
            throw new InputException(label, "the file is named ." + (ext.isEmpty() ? "(no extension)" : ext)
                    + " but its content is " + describe(format), "rename it to ." + format + " (or export it again as ."
                    + ext + "), so that every tool that reads the show sees the same format");
        }
        AudioInfo info = switch (format) {
            case "wav" -> wav(file, label, size);
            case "mp3" -> mp3(file, label);
            default -> ogg(file, label, size);
        };
        if (!(info.duration() > 0)) {
            throw new InputException(label, "the track holds no sound (0 s)", "export the track again");
        }
        return info;
    }

    /** {@code mp3}, {@code wav}, {@code ogg} or null, from the first bytes. */
    static String sniff(byte[] b, int n) {
        if (n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A'
                && b[10] == 'V' && b[11] == 'E') {
            return "wav";
        }
        if (n >= 4 && b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S') {
            return "ogg";
        }
        if (n >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
            return "mp3";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            return "mp3";
        }
        return null;
    }

    private static String describe(String format) {
        return switch (format) {
            case "wav" -> "WAV";
            case "mp3" -> "MP3";
            default -> "OGG";
        };
    }

    private static AudioInfo wav(Path file, String label, long size) {
        AudioFileFormat f;
        try {
            f = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new InputException(label, "a WAV file this Starling cannot read (" + e.getMessage() + ")",
                    "save it as 16-bit PCM WAV, or " + CONVERT.replace("IN", label));
        } catch (IOException e) {
            throw new InputException(label, "the WAV file is cut short or damaged: " + e.getMessage(), "export the track again");
        }
        AudioFormat a = f.getFormat();
        long frames = f.getFrameLength();
        if (frames == AudioSystem.NOT_SPECIFIED || !(a.getFrameRate() > 0) || a.getFrameSize() <= 0) {
            throw new InputException(label, "the WAV header gives no length", "export the track again as PCM WAV");
        }
        double seconds = frames / (double) a.getFrameRate();
        tooLong(label, seconds);
        long dataBytes = frames * a.getFrameSize();
        if (dataBytes > size) {
            throw new InputException(label, String.format(Locale.ROOT, "the WAV file is cut short: its header "
                            + "promises %.1f s (%d bytes of sound) but the file has %d bytes", seconds, dataBytes, size),
                    "copy or export the track again; the file was truncated");
        }
        return new AudioInfo("wav", seconds, (int) a.getSampleRate(), a.getChannels());
    }

    private static AudioInfo mp3(Path file, String label) {
        double ms = 0;
        int frames = 0, rate = 0, channels = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Bitstream bs = new Bitstream(in);
            try {
                Header h;
                while ((h = bs.readFrame()) != null) {
                    if (frames == 0) {
                        rate = h.frequency();
                        channels = h.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
                    }
                    ms += h.ms_per_frame();
                    frames++;
                    bs.closeFrame();
                    if (ms / 1000 > MAX_SECONDS) {
                        tooLong(label, ms / 1000);
                    }
                }
            } finally {
                bs.close();
            }
        } catch (BitstreamException e) {
            throw new InputException(label, "the MP3 is damaged after " + frames + " frames ("
                    + String.format(Locale.ROOT, "%.1f s", ms / 1000) + "): " + e.getMessage(), "export the track again");
        } catch (IOException e) {
            throw new InputException(label, "cannot read the MP3: " + e.getMessage(), "check the file");
        }
        if (frames == 0) {
            throw new InputException(label, "no MP3 frames in the file: it is cut short or not an MP3",
                    "export the track again as MP3");
        }
        return new AudioInfo("mp3", ms / 1000, rate, channels);
    }

    /**
     * OGG Vorbis: the sample rate from the identification header (first page), the length from
     * the granule position of the last page, which must carry the end-of-stream flag and fit in
     * the file (otherwise the file was cut short). Pages are skipped by their headers.
     */
    private static AudioInfo ogg(Path file, String label, long size) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long pos = 0, granule = -1;
            int rate = 0, channels = 0;
            boolean eos = false;
            byte[] h = new byte[27];
            while (pos < size) {
                f.seek(pos);
                if (size - pos < 27) {
                    throw cut(label, pos);
                }
                f.readFully(h);
                if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S') {
                    throw new InputException(label, "the OGG file is damaged at byte " + pos + " (no page starts there)",
                            "export the track again");
                }
                int segments = h[26] & 0xFF;
                byte[] table = new byte[segments];
                if (pos + 27 + segments > size) {
                    throw cut(label, pos);
                }
                f.readFully(table);
                long body = 0;
                for (byte b : table) {
                    body += b & 0xFF;
                }
                if (pos + 27 + segments + body > size) {
                    throw cut(label, pos);
                }
                if (pos == 0) {
                    byte[] id = new byte[(int) Math.min(body, 30)];
                    f.readFully(id);
                    if (id.length < 16 || id[0] != 1 || id[1] != 'v' || id[2] != 'o' || id[3] != 'r' || id[4] != 'b'
                            || id[5] != 'i' || id[6] != 's') {
                        throw new InputException(label, "an OGG file, but not Vorbis audio (Opus, FLAC or video?)",
                                CONVERT.replace("IN", label));
                    }
                    channels = id[11] & 0xFF;
                    rate = (id[12] & 0xFF) | (id[13] & 0xFF) << 8 | (id[14] & 0xFF) << 16 | (id[15] & 0xFF) << 24;
                    if (rate <= 0 || channels <= 0) {
                        throw new InputException(label, "the Vorbis header gives no sample rate", "export the track again");
                    }
                }
                long g = 0;
                for (int i = 0; i < 8; i++) {
                    g |= (long) (h[6 + i] & 0xFF) << (8 * i);
                }
                if (g != -1) {
                    granule = g;
                    tooLong(label, granule / (double) rate);
                }
                eos = (h[5] & 0x04) != 0;
                pos += 27 + segments + body;
            }
            if (!eos || granule < 0) {
                throw cut(label, size);
            }
            return new AudioInfo("ogg", granule / (double) rate, rate, channels);
        } catch (IOException e) {
            throw new InputException(label, "cannot read the OGG file: " + e.getMessage(), "check the file");
        }
    }

    private static InputException cut(String label, long at) {
        return new InputException(label, "the OGG file is cut short (it ends inside or before its last page, at byte "
                + at + ")", "copy or export the track again; the file was truncated");
    }

    private static void tooLong(String label, double seconds) {
        if (seconds > MAX_SECONDS) {
            throw new InputException(label, String.format(Locale.ROOT, "the track is %.1f hours long; a show's music is "
                    + "at most %.0f hours", seconds / 3600, MAX_SECONDS / 3600), "cut the track to the show's length");
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 4); i++) {
            sb.append(String.format("%02X ", b[i] & 0xFF));
        }
        return sb.toString().trim();
    }
}
