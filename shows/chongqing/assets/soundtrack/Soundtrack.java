import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * "Two Rivers, One Clock" (两江一钟): the flagship show's soundtrack, an original synthesised
 * here from nothing but sine waves, noise and a plucked-string model (Karplus–Strong), so the
 * repository may ship it (CC0-1.0, see LICENSE). Deterministic: same program, same samples.
 *
 * <p>96 bpm in 4/4 (a bar is 2.5 s), beat 1 at 0.0 s, 376 s long. Every bar's first beat is
 * accented and every section opens with a crash, so a viewer hears a formation land on the beat.
 * Sections (name, first bar): intro 1, rise 9, verse 18, rivers 31, mountain 45, build 51,
 * chorus 59, drive 70, journey 83, sails 99, finale 115, outro 125; the last chord rings to 376 s.
 *
 * <p>Run: {@code java Soundtrack.java OUT.wav LABELS.txt} (make.sh encodes the MP3).
 */
public class Soundtrack {
    static final int RATE = 22050;
    static final double BPM = 96, BEAT = 60 / BPM, BAR = 4 * BEAT, LENGTH = 376.0;
    static final String[] NAMES = {"intro", "rise", "verse", "rivers", "mountain", "build", "chorus", "drive",
        "journey", "sails", "finale", "outro"};
    static final int[] FIRST_BAR = {1, 9, 18, 31, 45, 51, 59, 70, 83, 99, 115, 125};
    /** Per section: pad, bass, drums (0 none, 1 light, 2 full, 3 half-time), lead, loudness. */
    static final double[][] MIX = {
        {0.8, 0.0, 0, 0.0, 0.6}, {0.8, 0.5, 1, 0.3, 0.75}, {0.7, 0.8, 2, 0.6, 0.85}, {0.8, 0.7, 2, 0.7, 0.85},
        {0.9, 0.9, 3, 0.4, 0.8}, {0.8, 0.8, 1, 0.3, 0.85}, {0.7, 1.0, 2, 1.0, 1.0}, {0.6, 1.0, 2, 0.8, 0.95},
        {0.8, 0.8, 2, 0.7, 0.9}, {1.0, 0.7, 1, 0.8, 0.9}, {0.8, 1.0, 2, 1.0, 1.0}, {0.9, 0.4, 1, 0.4, 0.7}};
    /** D gong pentatonic (宫商角徵羽: D E F# A B), semitones above D. */
    static final int[] PENTA = {0, 2, 4, 7, 9};
    /** Chord roots per bar within a 4-bar phrase (D, Bm, G, A), semitones above D; minor flags. */
    static final int[] ROOT = {0, 9, 5, 7};
    static final boolean[] MINOR = {false, true, false, false};

    final float[] out = new float[(int) (LENGTH * RATE)];
    final SplittableRandom rnd = new SplittableRandom(20250928);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Soundtrack.java OUT.wav LABELS.txt");
            System.exit(2);
        }
        Soundtrack s = new Soundtrack();
        s.compose();
        s.write(new File(args[0]));
        try (PrintWriter w = new PrintWriter(args[1], StandardCharsets.UTF_8)) {
            for (int i = 0; i < NAMES.length; i++) {
                double t = (FIRST_BAR[i] - 1) * BAR;
                w.printf(Locale.ROOT, "%.6f\t%.6f\t%s%n", t, t, NAMES[i]);
            }
        }
    }

    static double hz(int semisAboveD, int octave) {
        return 146.832 * Math.pow(2, semisAboveD / 12.0 + octave); // D3 = 146.83 Hz
    }

    int section(int bar) {
        int s = 0;
        for (int i = 0; i < FIRST_BAR.length; i++) {
            if (bar >= FIRST_BAR[i]) {
                s = i;
            }
        }
        return s;
    }

    void compose() {
        int bars = (int) Math.ceil(LENGTH / BAR);
        for (int bar = 1; bar <= bars; bar++) {
            double t0 = (bar - 1) * BAR;
            if (t0 >= 375.0) {
                break;
            }
            int sec = section(bar);
            double[] m = MIX[sec];
            double loud = m[4];
            int phrase = (bar - 1) % 4;
            int root = ROOT[phrase];
            boolean last = bar == 150;
            boolean sectionStart = bar == FIRST_BAR[sec];
            // pad: the chord, slow attack and release over the bar (the last bar rings to the end)
            double padLen = last ? LENGTH - t0 : BAR + 0.3;
            int third = MINOR[phrase] ? 3 : 4;
            for (int n : new int[] {root, root + third, root + 7}) {
                pad(t0, padLen, hz(n, 0), 0.07 * m[0] * loud, sec == 4 ? 0.6 : 1.0);
            }
            // bass: root on beat 1 always; eighths in full sections
            double bassHz = hz(root, -1);
            if (m[1] > 0) {
                int hits = m[2] >= 2 ? 8 : 2;
                for (int k = 0; k < hits; k++) {
                    double t = t0 + k * BAR / hits;
                    bass(t, BAR / hits * 0.9, bassHz * (k % 4 == 3 && hits == 8 ? 1.5 : 1), 0.22 * m[1] * loud);
                }
            }
            // drums: the downbeat is always marked, a crash opens each section
            kick(t0, 0.9 * loud + 0.1);
            if (sectionStart) {
                crash(t0, 0.35);
            }
            if (sec == 0) {
                gong(t0, BAR * 1.8, 0.12 * (bar % 2 == 1 ? 1 : 0.6));
            }
            int drums = (int) m[2];
            for (int beat = 0; beat < 4; beat++) {
                double t = t0 + beat * BEAT;
                if (drums == 2) {
                    if (beat == 2) {
                        kick(t, 0.7 * loud);
                    }
                    if (beat % 2 == 1) {
                        snare(t, 0.35 * loud);
                    }
                    hat(t + BEAT / 2, 0.08 * loud);
                    hat(t, 0.05 * loud);
                } else if (drums == 3) {
                    if (beat == 2) {
                        snare(t, 0.4 * loud);
                    }
                    hat(t, 0.05 * loud);
                } else if (drums == 1) {
                    hat(t + BEAT / 2, 0.05 * loud);
                    if (beat == 2) {
                        kick(t, 0.45 * loud);
                    }
                }
            }
            // riser through "build"
            if (sec == 5) {
                riser(t0, BAR, (bar - FIRST_BAR[5]) / 8.0, 0.1);
            }
            // lead: a pentatonic line of plucked strings, phrase-shaped, seeded per section and bar
            if (m[3] > 0) {
                SplittableRandom r = new SplittableRandom(bar * 7919L + sec);
                int steps = sec == 7 ? 8 : sec == 9 ? 2 : 4;
                int deg = 2 + r.nextInt(3);
                for (int k = 0; k < steps; k++) {
                    if (k > 0 && r.nextInt(5) == 0) {
                        continue;
                    }
                    deg = Math.max(0, Math.min(9, deg + r.nextInt(-2, 3)));
                    int semis = PENTA[deg % 5] + 12 * (deg / 5);
                    double t = t0 + k * BAR / steps;
                    pluck(t, Math.min(1.6, BAR / steps * 2.5), hz(semis, 1), 0.28 * m[3] * loud);
                    if (sec == 6 || sec == 10) {
                        pluck(t, 1.2, hz(semis, 2), 0.10 * loud); // octave doubling in the big sections
                    }
                }
            }
        }
        // final ring: a long D chord and gong
        double t = 375.0 - BAR;
        gong(t, LENGTH - t, 0.2);
        // normalise to -1 dBFS
        double peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        double g = 0.89 / peak;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.tanh(out[i] * g * 1.1) * 0.9f;
        }
    }

    void add(int i, double v) {
        if (i >= 0 && i < out.length) {
            out[i] += (float) v;
        }
    }

    void pad(double t0, double len, double f, double amp, double bright) {
        int s0 = (int) (t0 * RATE), n = (int) (len * RATE);
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double env = Math.min(1, t / 0.6) * Math.min(1, (len - t) / 0.5);
            double ph = 2 * Math.PI * f * t;
            double v = Math.sin(ph) + 0.5 * Math.sin(ph * 1.003 + 1) + bright * (0.25 * Math.sin(2 * ph) + 0.1 * Math.sin(3 * ph));
            add(s0 + i, amp * env * v * (1 + 0.15 * Math.sin(2 * Math.PI * 0.25 * (t0 + t))));
        }
    }

    void bass(double t0, double len, double f, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (len * RATE);
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double env = Math.min(1, t / 0.005) * Math.exp(-t * 3) * Math.min(1, (len - t) / 0.02);
            double ph = 2 * Math.PI * f * t;
            add(s0 + i, amp * env * (Math.sin(ph) + 0.3 * Math.sin(2 * ph)));
        }
    }

    void kick(double t0, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (0.35 * RATE);
        double ph = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double f = 45 + 110 * Math.exp(-t * 30);
            ph += 2 * Math.PI * f / RATE;
            add(s0 + i, amp * 0.9 * Math.exp(-t * 9) * Math.sin(ph) + (i < 40 ? amp * 0.3 * rnd.nextDouble(-1, 1) : 0));
        }
    }

    void snare(double t0, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (0.25 * RATE);
        double lp = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double noise = rnd.nextDouble(-1, 1);
            lp += 0.5 * (noise - lp);
            add(s0 + i, amp * (Math.exp(-t * 18) * lp + 0.5 * Math.exp(-t * 25) * Math.sin(2 * Math.PI * 185 * t)));
        }
    }

    void hat(double t0, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (0.06 * RATE);
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double noise = rnd.nextDouble(-1, 1);
            add(s0 + i, amp * Math.exp(-t * 70) * (noise - prev)); // first difference: a crude high-pass
            prev = noise;
        }
    }

    void crash(double t0, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (2.2 * RATE);
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double noise = rnd.nextDouble(-1, 1);
            add(s0 + i, amp * Math.exp(-t * 2.2) * (noise - 0.6 * prev));
            prev = noise;
        }
    }

    void gong(double t0, double len, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (len * RATE);
        double[] partials = {73.4, 110.5, 147.1, 196.3, 261.2};
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double env = Math.min(1, t / 0.8) * Math.exp(-t * 0.8) * Math.min(1, (len - t) / 0.3);
            double v = 0;
            for (int k = 0; k < partials.length; k++) {
                v += Math.sin(2 * Math.PI * partials[k] * t * (1 + 0.002 * Math.sin(3 * t))) / (k + 1);
            }
            add(s0 + i, amp * env * v);
        }
    }

    void riser(double t0, double len, double from, double amp) {
        int s0 = (int) (t0 * RATE), n = (int) (len * RATE);
        double lp = 0;
        for (int i = 0; i < n; i++) {
            double x = from + (i / (double) n) / 8.0;
            double noise = rnd.nextDouble(-1, 1);
            lp += (0.05 + 0.6 * x) * (noise - lp);
            add(s0 + i, amp * x * lp);
        }
    }

    /** A plucked string (Karplus–Strong): a burst of noise in a delay line that averages itself, like a guzheng. */
    void pluck(double t0, double len, double f, double amp) {
        int period = Math.max(2, (int) Math.round(RATE / f));
        double[] line = new double[period];
        SplittableRandom r = new SplittableRandom((long) (t0 * 1000) ^ period);
        for (int i = 0; i < period; i++) {
            line[i] = r.nextDouble(-1, 1);
        }
        int s0 = (int) (t0 * RATE), n = (int) (len * RATE);
        for (int i = 0; i < n; i++) {
            int k = i % period;
            double v = line[k];
            line[k] = 0.996 * 0.5 * (v + line[(k + 1) % period]);
            double env = Math.min(1, (n - i) / (0.05 * RATE));
            add(s0 + i, amp * env * v);
        }
    }

    void write(File f) throws IOException {
        byte[] pcm = new byte[out.length * 2];
        for (int i = 0; i < out.length; i++) {
            int v = (int) Math.round(Math.max(-1, Math.min(1, out[i])) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat fmt = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), fmt, out.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, f);
        }
    }
}
