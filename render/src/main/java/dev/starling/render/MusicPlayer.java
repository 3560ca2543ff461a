package dev.starling.render;

import static org.lwjgl.openal.AL10.AL_BUFFER;
import static org.lwjgl.openal.AL10.AL_FORMAT_MONO16;
import static org.lwjgl.openal.AL10.AL_FORMAT_STEREO16;
import static org.lwjgl.openal.AL10.AL_NO_ERROR;
import static org.lwjgl.openal.AL10.AL_PLAYING;
import static org.lwjgl.openal.AL10.AL_SOURCE_RELATIVE;
import static org.lwjgl.openal.AL10.AL_SOURCE_STATE;
import static org.lwjgl.openal.AL10.AL_TRUE;
import static org.lwjgl.openal.AL10.alBufferData;
import static org.lwjgl.openal.AL10.alDeleteBuffers;
import static org.lwjgl.openal.AL10.alDeleteSources;
import static org.lwjgl.openal.AL10.alGenBuffers;
import static org.lwjgl.openal.AL10.alGenSources;
import static org.lwjgl.openal.AL10.alGetError;
import static org.lwjgl.openal.AL10.alGetSourcef;
import static org.lwjgl.openal.AL10.alGetSourcei;
import static org.lwjgl.openal.AL10.alSourcePause;
import static org.lwjgl.openal.AL10.alSourcePlay;
import static org.lwjgl.openal.AL10.alSourceStop;
import static org.lwjgl.openal.AL10.alSourcei;
import static org.lwjgl.openal.AL11.AL_SAMPLE_OFFSET;
import static org.lwjgl.openal.AL11.AL_SEC_OFFSET;
import static org.lwjgl.openal.ALC10.ALC_DEVICE_SPECIFIER;
import static org.lwjgl.openal.ALC10.alcCloseDevice;
import static org.lwjgl.openal.ALC10.alcCreateContext;
import static org.lwjgl.openal.ALC10.alcDestroyContext;
import static org.lwjgl.openal.ALC10.alcGetString;
import static org.lwjgl.openal.ALC10.alcMakeContextCurrent;
import static org.lwjgl.openal.ALC10.alcOpenDevice;
import static org.lwjgl.openal.SOFTDirectChannels.AL_DIRECT_CHANNELS_SOFT;
import static org.lwjgl.openal.SOFTSourceLatency.AL_SEC_OFFSET_LATENCY_SOFT;
import static org.lwjgl.openal.SOFTSourceLatency.alGetSourcedvSOFT;

import dev.starling.show.Music;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.lwjgl.openal.AL;
import org.lwjgl.openal.ALC;
import org.lwjgl.openal.ALCCapabilities;
import org.lwjgl.openal.ALCapabilities;

/**
 * The show's music in the preview, through OpenAL (the OpenAL Soft that LWJGL bundles). It owns
 * one device, context, buffer (the whole track, 16-bit) and source, and keeps the sound with the
 * preview's clock: show time {@code t} is track time {@code t + offset} ({@link Music#offset});
 * before the track begins and after it ends there is silence. When the show starts before the
 * music (negative offset) the buffer begins with that much silence, so the track comes in on
 * its exact sample from show time 0, however the frames fall, and the clock has a sound to
 * follow before it too.
 *
 * <p>Once a frame the window calls {@link #sync} with its clock. The sound starts, from the
 * clock's track time, when the clock runs at 1× before the track's end; pauses when the clock stops;
 * is muted at other speeds (pitch-shifted music is not what the show will sound like); and seeks
 * when the clock was moved by hand (scrub, scene jump). While it plays, {@code sync} returns the
 * show time being heard (the source's offset less the device's output latency), which the clock
 * then follows ({@link Playback#follow}): the picture keeps to the sound, never the reverse.
 *
 * <p>Without a sound device (a server, CI), with a track it cannot read, or without music,
 * {@link #open} returns a silent player whose {@link #reason} says why; it never throws, and a
 * silent player's {@code sync} does nothing. Use from one thread; close it to free the device.
 */
final class MusicPlayer implements AutoCloseable {
    private final Music music;
    private final String reason;
    private final String deviceName;
    private final long device;
    private final long context;
    private final int buffer;
    private final int source;
    private final int sampleRate;
    /** Frames of silence before the track in the buffer: the show's time before the music. */
    private final int lead;
    /** Frames in the buffer, silence included. */
    private final int frames;
    private final boolean latencyQuery;
    private final double[] offsetLatency = new double[2];
    /** The source was started and not paused or stopped since. */
    private boolean sounding;
    /** The track ran out while the clock ran on; stays silent until the clock stops or jumps. */
    private boolean ended;
    private boolean closed;

    private MusicPlayer(Music music, String reason, String deviceName, long device, long context, int buffer,
                        int source, int sampleRate, int lead, int frames, boolean latencyQuery) {
        this.music = music;
        this.reason = reason;
        this.deviceName = deviceName;
        this.device = device;
        this.context = context;
        this.buffer = buffer;
        this.source = source;
        this.sampleRate = sampleRate;
        this.lead = lead;
        this.frames = frames;
        this.latencyQuery = latencyQuery;
    }

    /** Track time at show time {@code showTime}, seconds. */
    static double trackTime(Music music, double showTime) {
        return showTime + music.offset();
    }

    /** Show time at track time {@code trackTime}, seconds. */
    static double showTime(Music music, double trackTime) {
        return trackTime - music.offset();
    }

    /** A player that plays nothing, saying why. */
    static MusicPlayer silent(Music music, String reason) {
        return new MusicPlayer(music, reason, null, 0, 0, 0, 0, 0, 0, 0, false);
    }

    /** Plays {@code music} (may be {@code null}) on the system's default sound device. */
    static MusicPlayer open(Music music) {
        return open(music, null);
    }

    /**
     * Plays {@code music} (may be {@code null}) on the sound device called {@code deviceName}
     * (OpenAL's name for it; {@code null}: the default). Never throws: anything that keeps the
     * music from playing gives a silent player with the reason.
     */
    static MusicPlayer open(Music music, String deviceName) {
        if (music == null) {
            return silent(null, "the plan has no music");
        }
        Pcm pcm;
        try {
            pcm = Pcm.decode(music.file());
        } catch (IOException e) {
            return silent(music, e.getMessage());
        }
        long dev;
        try {
            dev = deviceName == null ? alcOpenDevice((ByteBuffer) null) : alcOpenDevice(deviceName);
        } catch (RuntimeException | LinkageError e) {
            return silent(music, "OpenAL does not start here: " + e.getMessage());
        }
        if (dev == 0) {
            return silent(music, deviceName == null ? "no sound device" : "no sound device called '" + deviceName + "'");
        }
        return onDevice(music, pcm, dev, null);
    }

    /**
     * Plays {@code pcm} as {@code music} on the open {@code device}, which the player then owns
     * (closed with it, or at once when this fails). {@code contextAttributes} (0-terminated, or
     * {@code null}) go to {@code alcCreateContext}: a loopback device needs its format there.
     */
    static MusicPlayer onDevice(Music music, Pcm pcm, long device, int[] contextAttributes) {
        long ctx = 0;
        int buf = 0, src = 0;
        try {
            ALCCapabilities alc = ALC.createCapabilities(device);
            ctx = contextAttributes == null ? alcCreateContext(device, (int[]) null)
                    : alcCreateContext(device, contextAttributes);
            if (ctx == 0 || !alcMakeContextCurrent(ctx)) {
                throw new IllegalStateException("the sound device refuses an OpenAL context");
            }
            ALCapabilities al = AL.createCapabilities(alc);
            buf = alGenBuffers();
            src = alGenSources();
            int lead = (int) Math.max(0, Math.round(-music.offset() * pcm.sampleRate()));
            short[] samples = withLead(stereoAtMost(pcm), Math.min(2, pcm.channels()), lead);
            alBufferData(buf, pcm.channels() == 1 ? AL_FORMAT_MONO16 : AL_FORMAT_STEREO16, samples, pcm.sampleRate());
            alSourcei(src, AL_BUFFER, buf);
            // at the listener: no distance attenuation, no panning; stereo straight to the speakers
            alSourcei(src, AL_SOURCE_RELATIVE, AL_TRUE);
            if (al.AL_SOFT_direct_channels) {
                alSourcei(src, AL_DIRECT_CHANNELS_SOFT, AL_TRUE);
            }
            int err = alGetError();
            if (err != AL_NO_ERROR) {
                throw new IllegalStateException(String.format("OpenAL error 0x%x loading the track", err));
            }
            String name = alcGetString(device, ALC_DEVICE_SPECIFIER);
            return new MusicPlayer(music, null, name == null ? "OpenAL" : name, device, ctx, buf, src,
                    pcm.sampleRate(), lead, lead + pcm.frames(), al.AL_SOFT_source_latency);
        } catch (RuntimeException e) {
            release(device, ctx, buf, src);
            return silent(music, e.getMessage());
        }
    }

    /** OpenAL takes mono or stereo: more channels keep their first two (front left, front right). */
    private static short[] stereoAtMost(Pcm pcm) {
        int c = pcm.channels();
        if (c <= 2) {
            return pcm.samples();
        }
        short[] s = pcm.samples(), out = new short[2 * pcm.frames()];
        for (int f = 0; f < pcm.frames(); f++) {
            out[2 * f] = s[c * f];
            out[2 * f + 1] = s[c * f + 1];
        }
        return out;
    }

    /** {@code samples} ({@code channels} interleaved) after {@code lead} frames of silence. */
    private static short[] withLead(short[] samples, int channels, int lead) {
        if (lead == 0) {
            return samples;
        }
        short[] out = new short[lead * channels + samples.length];
        System.arraycopy(samples, 0, out, lead * channels, samples.length);
        return out;
    }

    /** True when the music plays (there is music, a device, and the track loaded). */
    boolean audible() {
        return reason == null;
    }

    /** Why the player is silent, or {@code null} when it plays. */
    String reason() {
        return reason;
    }

    /** One line for the terminal: what plays where, or why nothing does. */
    String describe() {
        if (reason == null) {
            return "sound: " + music.file().getFileName() + " through " + deviceName;
        }
        return music == null ? "sound: none (" + reason + ")" : "sound: off, the preview runs silent (" + reason + ")";
    }

    /** True while the source plays (started by {@link #sync} and not paused, stopped or run out since). */
    boolean sounding() {
        return sounding;
    }

    /**
     * Makes the sound follow the clock, once a frame.
     *
     * @param showTime the clock, seconds
     * @param running  the clock runs at 1× (not paused, not fast or slow)
     * @param jumped   the clock was moved by hand since the last call (scrub, scene jump, restart)
     * @return the show time being heard while the music plays (its leading silence included),
     *         for the clock to follow; NaN while nothing plays (silent player, clock stopped,
     *         after the track, or before show time 0 when that is before the track)
     */
    double sync(double showTime, boolean running, boolean jumped) {
        if (reason != null || closed) {
            return Double.NaN;
        }
        if (jumped || !running) {
            ended = false;
        }
        long sample = Math.round(trackTime(music, showTime) * sampleRate) + lead;
        if (!running || ended || sample < 0 || sample >= frames) {
            if (sounding) {
                alSourcePause(source);
                sounding = false;
            }
            return Double.NaN;
        }
        if (!sounding || jumped) {
            // stop first: play on a playing source would restart it from the track's beginning
            alSourceStop(source);
            alSourcei(source, AL_SAMPLE_OFFSET, (int) sample);
            alSourcePlay(source);
            sounding = true;
            return showTime;
        }
        if (alGetSourcei(source, AL_SOURCE_STATE) != AL_PLAYING) {
            sounding = false;
            ended = true;
            return Double.NaN;
        }
        return showTime(music, heardTrackTime());
    }

    /** The track time reaching the speakers now: the source's offset less the output latency. */
    private double heardTrackTime() {
        double buffered;
        if (latencyQuery) {
            alGetSourcedvSOFT(source, AL_SEC_OFFSET_LATENCY_SOFT, offsetLatency);
            buffered = offsetLatency[0] - offsetLatency[1];
        } else {
            buffered = alGetSourcef(source, AL_SEC_OFFSET);
        }
        return buffered - lead / (double) sampleRate;
    }

    private static void release(long device, long context, int buffer, int source) {
        if (context != 0) {
            if (source != 0) {
                alSourceStop(source);
                alDeleteSources(source);
            }
            if (buffer != 0) {
                alDeleteBuffers(buffer);
            }
            alcMakeContextCurrent(0);
            alcDestroyContext(context);
        }
        if (device != 0) {
            alcCloseDevice(device);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sounding = false;
        if (reason == null) {
            release(device, context, buffer, source);
        }
    }
}
