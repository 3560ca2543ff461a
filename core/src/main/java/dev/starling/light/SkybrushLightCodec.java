package dev.starling.light;

import dev.starling.InputException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Skybrush light bytecode: the {@code lights.data} of a {@code .skyc} drone, in both directions.
 *
 * <p><b>Format</b> (the player in Skybrush's {@code @skybrush/show-format} and libskybrush):
 * a sequence of commands, each an opcode byte and its arguments; every duration and timestamp
 * is an unsigned LEB128 varint counted in 20 ms ticks (50 per second). The player starts at
 * t = 0 with the light black and a clock that every command advances:
 * <ul>
 *   <li>{@code 00 END} stops the program; the last colour stays on.</li>
 *   <li>{@code 03 WAIT_UNTIL t} keeps the current colour until absolute tick {@code t}.</li>
 *   <li>{@code 04 SET_COLOR r g b d} switches to (r, g, b) now and holds it for {@code d}.</li>
 *   <li>{@code 08 FADE_TO_COLOR r g b d} ramps linearly from the current colour to (r, g, b)
 *       over {@code d}.</li>
 * </ul>
 * The decoder also accepts the other commands Skybrush's player understands: NOP (01), SLEEP
 * (02), SET_GRAY/BLACK/WHITE (05–07), FADE_TO_GRAY/BLACK/WHITE (09–0B), LOOP_BEGIN/END (0C/0D,
 * unrolled) and SET_PYRO/SET_PYRO_ALL (14/15, ignored: they carry no light). Anything else
 * (jumps, triggers, clock resets, channel-driven colours) depends on the drone at run time and
 * is refused.
 *
 * <p><b>Encoding rules</b> (chosen so that programs round-trip byte for byte and players
 * never extrapolate): keyframe times are rounded to the nearest tick on an absolute grid, so
 * rounding never drifts; a dark start becomes {@code WAIT_UNTIL}; a step is a {@code SET_COLOR}
 * whose duration lasts until the next command; a step or fade to the colour already shown emits
 * nothing (it only marks where a following fade starts); a fade is a {@code FADE_TO_COLOR}
 * from the previous keyframe's time; a hold after a fade is a {@code SET_COLOR} of the same
 * colour; the program always ends with {@code SET_COLOR} of the final colour for one tick and
 * {@code END} (Skybrush's player extrapolates a trailing fade, so a program never ends with one).
 *
 * <p><b>Decoding</b> yields the canonical keyframes of that colour function: a set where the
 * colour steps, a fade keyframe where a fade ends (preceded by a set of the current colour at
 * the fade's start when nothing marks it yet); commands that do not change the colour add no
 * keyframe. Hence {@code encode(decode(b))} equals {@code b} for every program this class
 * writes, and {@code decode(encode(p))} shows the same colours as {@code p} at every tick.
 *
 * <p>Cost: linear in the program size. Stateless and thread-safe.
 */
public final class SkybrushLightCodec {
    /** Ticks per second of the bytecode clock (one tick is 20 ms). */
    public static final int TICKS_PER_SECOND = 50;
    /** Largest timestamp accepted, in ticks: about 231 days; beyond it a program is refused as corrupt. */
    public static final long MAX_TICKS = 1_000_000_000L;
    /** Most commands one program may execute (after unrolling loops); refuses runaway loops. */
    public static final int MAX_EXECUTED_COMMANDS = 2_000_000;

    static final int END = 0x00;
    static final int NOP = 0x01;
    static final int SLEEP = 0x02;
    static final int WAIT_UNTIL = 0x03;
    static final int SET_COLOR = 0x04;
    static final int SET_GRAY = 0x05;
    static final int SET_BLACK = 0x06;
    static final int SET_WHITE = 0x07;
    static final int FADE_TO_COLOR = 0x08;
    static final int FADE_TO_GRAY = 0x09;
    static final int FADE_TO_BLACK = 0x0A;
    static final int FADE_TO_WHITE = 0x0B;
    static final int LOOP_BEGIN = 0x0C;
    static final int LOOP_END = 0x0D;
    static final int SET_PYRO = 0x14;
    static final int SET_PYRO_ALL = 0x15;

    /**
     * Offset (seconds) by which the decoder moves a step that lands on the very tick where a fade
     * ends, so keyframe times still strictly increase; far below one tick, so it encodes back to
     * the same tick.
     */
    static final double COINCIDENT_STEP_OFFSET = 1e-6;

    private SkybrushLightCodec() {
    }

    /** Encodes {@code program} with its time 0 at the bytecode's time 0 (show start). */
    public static byte[] encode(LightProgram program) {
        return encode(program, 0);
    }

    /**
     * Encodes {@code program}, whose time {@code origin} (seconds) becomes the bytecode's tick 0.
     *
     * @throws IllegalArgumentException when a keyframe lies before {@code origin} or beyond
     *                                  {@link #MAX_TICKS}
     */
    public static byte[] encode(LightProgram program, double origin) {
        Encoder e = new Encoder();
        int n = e.encode(program, origin);
        return Arrays.copyOf(e.bytes(), n);
    }

    /**
     * A reusable encoder: {@link #encode(LightProgram, double)} into buffers kept from program to
     * program, for writers that encode thousands of programs per file. Not thread-safe: one per
     * thread.
     */
    public static final class Encoder {
        private final Ops ops = new Ops();
        private long[] ticks = new long[64];
        private byte[] out = new byte[256];

        /**
         * Encodes {@code program} (time {@code origin} at tick 0) into {@link #bytes()}; returns
         * the number of bytes, valid until the next call.
         *
         * @throws IllegalArgumentException as {@link SkybrushLightCodec#encode(LightProgram, double)}
         */
        public int encode(LightProgram program, double origin) {
            Ops ops = this.ops;
            ops.size = 0;
            int cur = 0;          // colour the player shows at the cursor
            long cursor = 0;      // tick the emitted commands have reached
            int openSet = -1;     // index of the SET whose hold is still growing, or -1
            int n = program.size();
            if (ticks.length < n) {
                ticks = new long[Math.max(n, ticks.length * 2)];
            }
            long[] ticks = this.ticks;
            for (int k = 0; k < n; k++) {
                double s = (program.time(k) - origin) * TICKS_PER_SECOND;
                long t = Math.round(s);
                if (s < -0.5 || t > MAX_TICKS) {
                    throw new IllegalArgumentException("light keyframe " + k + " at t=" + program.time(k)
                            + " s lies outside the encodable range [" + origin + ", " + (origin + MAX_TICKS / 50.0)
                            + "] s of the Skybrush light clock");
                }
                ticks[k] = Math.max(0, t);
            }
            for (int k = 0; k < n; k++) {
                int c = program.rgb(k);
                if (c == cur) {
                    continue; // a step or fade to the colour already shown changes nothing
                }
                if (program.fade(k)) {
                    long start = ticks[k - 1];
                    openSet = advance(ops, openSet, cursor, start, cur);
                    cursor = Math.max(cursor, start);
                    ops.add(FADE_TO_COLOR, c, ticks[k] - cursor);
                    cursor = ticks[k];
                    cur = c;
                    openSet = -1;
                } else {
                    openSet = advance(ops, openSet, cursor, ticks[k], cur);
                    cursor = Math.max(cursor, ticks[k]);
                    openSet = ops.add(SET_COLOR, c, 0);
                    cur = c;
                }
            }
            if (openSet >= 0 && openSet == ops.size - 1) {
                ops.dur[openSet] = 1;
            } else {
                ops.add(SET_COLOR, cur, 1);
            }
            return toBytes();
        }

        /** The bytes of the last {@link #encode}; only the first {@code encode(...)} of them are valid. */
        public byte[] bytes() {
            return out;
        }

        private int toBytes() {
            Ops ops = this.ops;
            int need = ops.size * 14 + 1; // opcode, colour, a varint of at most 10 bytes; END
            if (out.length < need) {
                out = new byte[Math.max(need, out.length * 2)];
            }
            byte[] b = out;
            int pos = 0;
            for (int i = 0; i < ops.size; i++) {
                int op = ops.op[i];
                b[pos++] = (byte) op;
                if (op != WAIT_UNTIL) {
                    int rgb = ops.rgb[i];
                    b[pos++] = (byte) (rgb >> 16);
                    b[pos++] = (byte) (rgb >> 8);
                    b[pos++] = (byte) rgb;
                }
                long v = ops.dur[i];
                while (v >= 0x80) {
                    b[pos++] = (byte) ((v & 0x7F) | 0x80);
                    v >>>= 7;
                }
                b[pos++] = (byte) v;
            }
            b[pos++] = END;
            return pos;
        }
    }

    /**
     * Brings the emitted program from {@code cursor} to {@code target} holding {@code color};
     * returns the index of the SET that now holds (possibly new), or -1 when nothing was needed.
     */
    private static int advance(Ops ops, int openSet, long cursor, long target, int color) {
        if (target <= cursor) {
            return openSet;
        }
        if (openSet >= 0) {
            ops.dur[openSet] += target - cursor;
            return openSet;
        }
        if (ops.size == 0) {
            ops.add(WAIT_UNTIL, 0, target);
            return -1;
        }
        return ops.add(SET_COLOR, color, target - cursor);
    }

    /** {@link #encode(LightProgram)} as base64, the form {@code .skyc} files store. */
    public static String encodeBase64(LightProgram program) {
        return Base64.getEncoder().encodeToString(encode(program));
    }

    /** Decodes base64 bytecode (time 0 = show start). */
    public static LightProgram decodeBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InputException(null, null, "light program is not valid base64: " + e.getMessage(),
                    "lights.data must be the base64 text of Skybrush light bytecode");
        }
        return decode(bytes);
    }

    /** Decodes bytecode whose tick 0 is time 0. */
    public static LightProgram decode(byte[] code) {
        return decode(code, 0);
    }

    /**
     * Decodes bytecode whose tick 0 is time {@code origin} (seconds).
     *
     * @throws InputException when the bytecode is truncated, uses an unsupported command, loops
     *                        forever or runs beyond {@link #MAX_TICKS}; the message names the byte
     *                        offset
     */
    public static LightProgram decode(byte[] code, double origin) {
        Decoder d = new Decoder(code, origin);
        d.run();
        return d.keys.build();
    }

    /** A growable list of commands; durations in ticks. */
    private static final class Ops {
        int[] op = new int[16];
        int[] rgb = new int[16];
        long[] dur = new long[16];
        int size;

        int add(int code, int color, long d) {
            if (size == op.length) {
                op = Arrays.copyOf(op, size * 2);
                rgb = Arrays.copyOf(rgb, size * 2);
                dur = Arrays.copyOf(dur, size * 2);
            }
            op[size] = code;
            rgb[size] = color;
            dur[size] = d;
            return size++;
        }
    }

    /** Executes bytecode the way Skybrush's player does, recording canonical keyframes. */
    private static final class Decoder {
        final byte[] code;
        final double origin;
        final LightProgram.Builder keys = LightProgram.builder();
        int pos;
        long clock;      // ticks
        int cur;         // colour shown at the clock
        int executed;
        final int[] loopStart = new int[16];
        final int[] loopLeft = new int[16];
        int loops;

        Decoder(byte[] code, double origin) {
            this.code = code;
            this.origin = origin;
        }

        void run() {
            while (pos < code.length) {
                int at = pos;
                int op = code[pos++] & 255;
                if (++executed > MAX_EXECUTED_COMMANDS) {
                    throw error(at, "the program executes more than " + MAX_EXECUTED_COMMANDS + " commands");
                }
                switch (op) {
                    case END -> {
                        return;
                    }
                    case NOP -> { }
                    case SLEEP -> hold(varint(at), at);
                    case WAIT_UNTIL -> {
                        long t = varint(at);
                        if (t > clock) {
                            hold(t - clock, at);
                        }
                    }
                    case SET_COLOR -> set(color(at), varint(at), at);
                    case SET_GRAY -> set(gray(at), varint(at), at);
                    case SET_BLACK -> set(0, varint(at), at);
                    case SET_WHITE -> set(0xFFFFFF, varint(at), at);
                    case FADE_TO_COLOR -> fade(color(at), varint(at), at);
                    case FADE_TO_GRAY -> fade(gray(at), varint(at), at);
                    case FADE_TO_BLACK -> fade(0, varint(at), at);
                    case FADE_TO_WHITE -> fade(0xFFFFFF, varint(at), at);
                    case LOOP_BEGIN -> {
                        int n = nextByte(at);
                        if (n == 0) {
                            throw error(at, "LOOP_BEGIN with 0 iterations loops forever");
                        }
                        if (loops == loopStart.length) {
                            throw error(at, "loops nested deeper than " + loopStart.length);
                        }
                        loopStart[loops] = pos;
                        loopLeft[loops] = n;
                        loops++;
                    }
                    case LOOP_END -> {
                        if (loops == 0) {
                            throw error(at, "LOOP_END without a matching LOOP_BEGIN");
                        }
                        if (--loopLeft[loops - 1] > 0) {
                            pos = loopStart[loops - 1];
                        } else {
                            loops--;
                        }
                    }
                    case SET_PYRO, SET_PYRO_ALL -> nextByte(at);
                    default -> throw error(at, String.format("unsupported command 0x%02X", op));
                }
            }
        }

        void set(int c, long d, int at) {
            if (c != cur) {
                key(clock, c, false);
                cur = c;
            }
            hold(d, at);
        }

        void fade(int c, long d, int at) {
            if (d == 0) {
                set(c, 0, at);
                return;
            }
            if (c != cur) {
                double start = seconds(clock);
                if (keys.size() == 0 || keys.lastTime() < start) {
                    keys.set(start, cur);
                }
                hold(d, at);
                key(clock, c, true);
                cur = c;
            } else {
                hold(d, at);
            }
        }

        void key(long tick, int c, boolean isFade) {
            double t = seconds(tick);
            if (keys.size() > 0 && keys.lastTime() >= t) {
                // a step on the tick where the previous keyframe sits: the later command wins
                t = keys.lastTime() + COINCIDENT_STEP_OFFSET;
            }
            if (isFade) {
                keys.fadeTo(t, c);
            } else {
                keys.set(t, c);
            }
        }

        void hold(long d, int at) {
            clock += d;
            if (clock > MAX_TICKS) {
                throw error(at, "the program runs past " + MAX_TICKS / TICKS_PER_SECOND + " s");
            }
        }

        double seconds(long tick) {
            return origin + tick / (double) TICKS_PER_SECOND;
        }

        int color(int at) {
            int r = nextByte(at);
            int g = nextByte(at);
            int b = nextByte(at);
            return (r << 16) | (g << 8) | b;
        }

        int gray(int at) {
            int v = nextByte(at);
            return (v << 16) | (v << 8) | v;
        }

        int nextByte(int at) {
            if (pos >= code.length) {
                throw error(at, "the bytecode ends in the middle of a command");
            }
            return code[pos++] & 255;
        }

        long varint(int at) {
            long v = 0;
            int shift = 0;
            while (true) {
                int b = nextByte(at);
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
                if (shift > 35) {
                    throw error(at, "a duration varint is longer than 5 bytes");
                }
            }
            if (v > MAX_TICKS) {
                throw error(at, "a duration or timestamp of " + v + " ticks exceeds " + MAX_TICKS);
            }
            return v;
        }

        InputException error(int at, String what) {
            return new InputException(null, null, "light program byte " + at + ": " + what,
                    "the light bytecode is corrupt or uses commands Starling cannot replay; re-export it");
        }
    }
}
