package dev.starling.light;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SkybrushLightCodecTest {
    private static final int CHANNEL_TOLERANCE = 1;
    private static final int RED = 0xFF0000, GREEN = 0x00FF00, BLUE = 0x0000FF, WHITE = 0xFFFFFF;
    /** Red held 2 s, fade to blue over 3 s, then blue. */
    private static final String RED_FADE_BLUE = "BP8AAGQIAAD/lgEEAAD/AQA=";
    /** Wait until 1 s, green, fade to white over 2 s, then white. */
    private static final String WAIT_GREEN_FADE_WHITE = "AzIEAP8AAAj///9kBP///wEA";

    @Test
    void decodesSkybrushVectorRedFadeBlue() {
        LightProgram p = SkybrushLightCodec.decodeBase64(RED_FADE_BLUE);
        LightProgram expected = LightProgram.builder().set(0, RED).set(2, RED).fadeTo(5, BLUE).build();
        assertEquals(expected, p);
        assertEquals(RED, p.colorAt(1.99));
        assertEquals(LightProgram.lerp(RED, BLUE, 0.5), p.colorAt(3.5));
        assertEquals(BLUE, p.colorAt(60));
    }

    @Test
    void decodesSkybrushVectorWaitGreenFadeWhite() {
        LightProgram p = SkybrushLightCodec.decodeBase64(WAIT_GREEN_FADE_WHITE);
        assertEquals(LightProgram.builder().set(1, GREEN).fadeTo(3, WHITE).build(), p);
        assertEquals(0, p.colorAt(0.99), "dark while waiting");
    }

    @Test
    void encodesBackToTheExactSkybrushBytes() {
        for (String v : List.of(RED_FADE_BLUE, WAIT_GREEN_FADE_WHITE)) {
            byte[] bytes = Base64.getDecoder().decode(v);
            assertArrayEquals(bytes, SkybrushLightCodec.encode(SkybrushLightCodec.decode(bytes)), v);
            assertEquals(v, SkybrushLightCodec.encodeBase64(SkybrushLightCodec.decodeBase64(v)));
        }
    }

    @Test
    void programEndsWithASetNeverAFade() {
        byte[] b = SkybrushLightCodec.encode(LightProgram.builder().set(0, RED).fadeTo(1, GREEN).build());
        assertEquals(0, b[b.length - 1], "END");
        assertEquals(SkybrushLightCodec.SET_COLOR, b[b.length - 6] & 255, "a SET of the final colour precedes END");
        assertEquals(0x00, b[b.length - 5] & 255);
        assertEquals(0xFF, b[b.length - 4] & 255);
    }

    @Test
    void holdAfterFadeAndLongDurationsUseMultiByteVarints() {
        LightProgram p = LightProgram.builder().set(0, RED).fadeTo(2, BLUE).set(300, GREEN).fadeTo(301, WHITE).build();
        byte[] b = SkybrushLightCodec.encode(p);
        assertEquals(p, SkybrushLightCodec.decode(b));
        assertArrayEquals(b, SkybrushLightCodec.encode(SkybrushLightCodec.decode(b)));
        assertPlayerAgrees(p, b);
    }

    @Test
    void originShiftsTheClock() {
        LightProgram p = LightProgram.builder().set(10, RED).set(12, BLUE).build();
        byte[] b = SkybrushLightCodec.encode(p, 10);
        assertEquals(p, SkybrushLightCodec.decode(b, 10));
        assertThrows(IllegalArgumentException.class, () -> SkybrushLightCodec.encode(p, 11));
    }

    @Test
    void darkProgramRoundTrips() {
        assertEquals(LightProgram.dark(), SkybrushLightCodec.decode(SkybrushLightCodec.encode(LightProgram.dark())));
    }

    @Test
    void decodesTheOtherPlayerCommands() {
        // SET_WHITE 1 s, SLEEP 1 s, FADE_TO_BLACK 1 s, LOOP 2× { SET_GRAY 0x40 0.5 s, SET_BLACK 0.5 s }, pyro, NOP
        byte[] b = {0x07, 50, 0x02, 50, 0x0A, 50, 0x0C, 2, 0x05, 0x40, 25, 0x06, 25, 0x0D, 0x14, (byte) 0x81, 0x01, 0x00};
        LightProgram p = SkybrushLightCodec.decode(b);
        assertEquals(WHITE, p.colorAt(1.5));
        assertEquals(LightProgram.lerp(WHITE, 0, 0.5), p.colorAt(2.5));
        assertEquals(0x404040, p.colorAt(3.2));
        assertEquals(0, p.colorAt(3.7));
        assertEquals(0x404040, p.colorAt(4.2));
        assertEquals(0, p.colorAt(9));
        assertPlayerAgrees(p, b);
    }

    @Test
    void corruptBytecodeIsAnInputError() {
        assertThrows(InputException.class, () -> SkybrushLightCodec.decode(new byte[] {0x04, 1, 2}), "truncated");
        assertThrows(InputException.class, () -> SkybrushLightCodec.decode(new byte[] {0x12, 0}), "jump");
        assertThrows(InputException.class, () -> SkybrushLightCodec.decode(new byte[] {0x0C, 0, 0x0D}), "infinite loop");
        assertThrows(InputException.class, () -> SkybrushLightCodec.decode(new byte[] {0x02, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}), "overlong varint");
        InputException e = assertThrows(InputException.class, () -> SkybrushLightCodec.decodeBase64("!!not base64"));
        assertTrue(e.getMessage().contains("base64"), e.getMessage());
    }

    /** Random programs on the tick grid: the player shows the program's colours at every tick, and bytes are stable. */
    @Property(tries = 300, seed = "20261124")
    void encodedProgramPlaysTheSameColours(@ForAll @IntRange(min = 1, max = 12) int n,
                                           @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        LightProgram.Builder b = LightProgram.builder();
        long tick = rnd.nextInt(0, 100);
        int[] palette = {0, RED, GREEN, BLUE, WHITE, 0x123456};
        for (int k = 0; k < n; k++) {
            int c = palette[rnd.nextInt(palette.length)];
            if (k > 0 && rnd.nextBoolean()) {
                b.fadeTo(tick / 50.0, c);
            } else {
                b.set(tick / 50.0, c);
            }
            tick += 1 + rnd.nextInt(400);
        }
        LightProgram p = b.build();
        byte[] bytes = SkybrushLightCodec.encode(p);
        assertPlayerAgrees(p, bytes);
        LightProgram back = SkybrushLightCodec.decode(bytes);
        for (long t = 0; t < tick + 60; t++) {
            assertSameColor(p.colorAt(t / 50.0), back.colorAt(t / 50.0), "tick " + t);
        }
        assertArrayEquals(bytes, SkybrushLightCodec.encode(back));
        byte last = bytes[bytes.length - 6];
        assertEquals(SkybrushLightCodec.SET_COLOR, last & 255, "ends with SET");
    }

    /** An independent player of the bytecode (as Skybrush's executor runs it) agrees with {@code p} at every tick. */
    private static void assertPlayerAgrees(LightProgram p, byte[] bytes) {
        List<long[]> slices = play(bytes);
        long end = slices.isEmpty() ? 0 : slices.get(slices.size() - 1)[1] + 50;
        for (long t = 0; t <= end; t++) {
            // just after the tick: a step the decoder had to move off a fade's end shows there
            double at = t / 50.0 + 2 * SkybrushLightCodec.COINCIDENT_STEP_OFFSET;
            assertSameColor(p.colorAt(at), colorAt(slices, t), "tick " + t);
        }
    }

    /** Slices {start, end, fromColour, toColour, isFade} in ticks; SET/FADE/WAIT/SLEEP/gray/loops only. */
    private static List<long[]> play(byte[] b) {
        List<long[]> out = new ArrayList<>();
        long clock = 0;
        int cur = 0;
        int pc = 0;
        int loopPc = -1, loopLeft = 0;
        while (pc < b.length) {
            int op = b[pc++] & 255;
            if (op == 0) {
                break;
            }
            int c = cur;
            boolean fade = false;
            switch (op) {
                case 1 -> { continue; }
                case 4, 8 -> { c = ((b[pc] & 255) << 16) | ((b[pc + 1] & 255) << 8) | (b[pc + 2] & 255); pc += 3; fade = op == 8; }
                case 5, 9 -> { int g = b[pc++] & 255; c = g * 0x010101; fade = op == 9; }
                case 6, 10 -> { c = 0; fade = op == 10; }
                case 7, 11 -> { c = 0xFFFFFF; fade = op == 11; }
                case 2, 3 -> { }
                case 12 -> { loopLeft = b[pc++] & 255; loopPc = pc; continue; }
                case 13 -> { if (--loopLeft > 0) { pc = loopPc; } continue; }
                case 20, 21 -> { pc++; continue; }
                default -> throw new AssertionError("op " + op);
            }
            long v = 0;
            int shift = 0;
            int x;
            do {
                x = b[pc++] & 255;
                v |= (long) (x & 127) << shift;
                shift += 7;
            } while ((x & 128) != 0);
            long d = op == 3 ? Math.max(0, v - clock) : v;
            if (op == 2 || op == 3) {
                c = cur;
            }
            out.add(new long[] {clock, clock + d, cur, c, fade ? 1 : 0});
            if (!fade || d > 0) {
                cur = c;
            }
            if (fade && d == 0) {
                cur = c;
            }
            clock += d;
        }
        return out;
    }

    /**
     * Colours agree to {@link #CHANNEL_TOLERANCE} per channel: mid-fade, seconds and ticks may
     * round a channel that lands on x.5 differently.
     */
    private static void assertSameColor(int expected, int actual, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 255, a = (actual >> shift) & 255;
            assertTrue(Math.abs(e - a) <= CHANNEL_TOLERANCE, where + ": expected " + Integer.toHexString(expected)
                    + " but was " + Integer.toHexString(actual));
        }
    }

    private static int colorAt(List<long[]> slices, long t) {
        int c = 0;
        for (long[] s : slices) {
            if (s[0] > t) {
                break;
            }
            if (s[4] == 1 && t < s[1]) {
                return LightProgram.lerp((int) s[2], (int) s[3], (t - s[0]) / (double) (s[1] - s[0]));
            }
            c = (int) s[3];
        }
        return c;
    }
}
