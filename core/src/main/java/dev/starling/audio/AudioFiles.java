package dev.starling.audio;

import dev.starling.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads what a show needs of its soundtrack: format and length (WAV through javax.sound). */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** The format and length of {@code file}. */
    public static AudioInfo probe(Path file) {
        String label = file.toString();
        try {
            if (Files.size(file) == 0) {
                throw new InputException(label, "the audio file is empty (0 bytes)", "export the track again");
            }
            AudioFileFormat f = AudioSystem.getAudioFileFormat(file.toFile());
            long frames = f.getFrameLength();
            float rate = f.getFormat().getFrameRate();
            return new AudioInfo("wav", frames / (double) rate, (int) f.getFormat().getSampleRate(),
                    f.getFormat().getChannels());
        } catch (UnsupportedAudioFileException e) {
            throw new InputException(label, "not an audio file this Starling reads", "give a WAV file");
        } catch (IOException e) {
            throw new InputException(label, "cannot read the audio file: " + e.getMessage(), "check the path");
        }
    }
}
