package dev.starling.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LightProgramTest {
    @Test
    void stepsHoldAndFadesInterpolate() {
        LightProgram p = LightProgram.builder().set(1, 0xFF0000).set(3, 0x00FF00).fadeTo(5, 0x0000FF).build();
        assertEquals(0, p.colorAt(0.5), "dark before the first keyframe");
        assertEquals(0xFF0000, p.colorAt(1));
        assertEquals(0xFF0000, p.colorAt(2.99));
        assertEquals(0x00FF00, p.colorAt(3));
        assertEquals(LightProgram.lerp(0x00FF00, 0x0000FF, 0.5), p.colorAt(4));
        assertEquals(0x0000FF, p.colorAt(5));
        assertEquals(0x0000FF, p.colorAt(100));
    }

    @Test
    void lerpRoundsEachChannel() {
        assertEquals(0x808080, LightProgram.lerp(0x000000, 0xFFFFFF, 0.5 + 0.5 / 255));
        assertEquals(0x7F0000 + 0x80, LightProgram.lerp(0xFE0000, 0x0000FF, 0.5) + 0x80 - 0x80);
    }

    @Test
    void timesMustIncreaseAndColoursFit() {
        LightProgram.Builder b = LightProgram.builder().set(1, 0);
        assertThrows(IllegalArgumentException.class, () -> b.set(1, 0x123456));
        assertThrows(IllegalArgumentException.class, () -> b.set(2, 0x1000000));
        assertThrows(IllegalStateException.class, () -> LightProgram.builder().fadeTo(1, 0));
    }
}
