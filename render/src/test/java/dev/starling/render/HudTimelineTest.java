package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.audio.BeatGrid;
import dev.starling.show.Cue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HUD's line about the show's clock: the next cue with a countdown and the bar:beat of the
 * beat grid, as the frame reports them and as the HUD writes them (headless; the window draws the
 * same frame).
 */
class HudTimelineTest {
    private static final double EPS = 1e-9;
    /** 120 bpm (half a second a beat) in 4/4, beat 1 two seconds in. */
    private static final BeatGrid GRID = new BeatGrid(120, 2.0, 4);
    private static final List<Cue> CUES = List.of(new Cue("intro", 2.0, "cues[0]"), new Cue("副歌", 17.0, "cues[1]"),
            new Cue("outro", 36.0, "cues[2]"));
    private static final Timeline CLOCK = new Timeline(List.of(), 0, 50,
            new dev.starling.show.Timeline(null, CUES, GRID));

    static OffscreenRenderer renderer;
    static Camera camera;

    @BeforeAll
    static void open() {
        if (!GlTests.available()) {
            return;
        }
        Plan demo = DemoPlans.aiCar(100);
        Plan plan = new Plan(demo.name(), demo.limits(), demo.trajectories(), demo.lights(), demo.scenes(),
                new dev.starling.show.Timeline(null, CUES, GRID));
        renderer = OffscreenRenderer.open(plan, ChongqingSite.load(), 320, 180);
        camera = renderer.camera("south-bank").orElseThrow();
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void barsAndBeatsCountFromBeatOneAndTurnOverExactlyOnTheBeat() {
        assertEquals(0, CLOCK.beatAt(1.999), "before beat 1: no bar yet");
        assertEquals(0, CLOCK.barAt(1.999));
        assertEquals(1, CLOCK.barAt(2.0));
        assertEquals(1, CLOCK.beatInBar(2.0));
        assertEquals(1, CLOCK.beatInBar(2.499));
        assertEquals(2, CLOCK.beatInBar(2.5));
        assertEquals(4, CLOCK.beatInBar(3.999));
        assertEquals(2, CLOCK.barAt(4.0));
        assertEquals(1, CLOCK.beatInBar(4.0));
        // 97 bpm: beat times that no binary fraction holds exactly, so each rounds one way or the other
        BeatGrid odd = new BeatGrid(97, 0.123, 3);
        Timeline t = new Timeline(List.of(), 0, 4000, new dev.starling.show.Timeline(null, List.of(), odd));
        for (long n = 1; n <= 5000; n++) {
            assertEquals(n, t.beatAt(odd.beat(n)), "the time of beat " + n + " is beat " + n);
            assertEquals(n - 1, t.beatAt(odd.beat(n) - 1e-3), "a millisecond before beat " + n);
        }
        for (long bar = 1; bar <= 1000; bar++) {
            assertEquals(bar, t.barAt(odd.bar(bar)));
            assertEquals(1, t.beatInBar(odd.bar(bar)), "bar " + bar + " starts on its first beat");
        }
        Timeline none = new Timeline(List.of(), 0, 50);
        assertEquals(0, none.barAt(30));
        assertEquals(0, none.beatInBar(30));
        assertTrue(!none.hasClock() && CLOCK.hasClock());
    }

    @Test
    void hudCountsDownToTheNextCueAndShowsBarAndBeat() {
        GlTests.assumeGl();
        FrameInfo f = renderer.frames().render(12.8, camera, null);
        assertEquals("副歌", f.nextCue());
        assertEquals(4.2, f.nextCueIn(), 1e-9);
        assertEquals(6, f.bar(), "12.8 s is beat 22 (2 s + 21 × 0.5 s = 12.5 s), the 2nd of bar 6");
        assertEquals(2, f.beat());
        String[] lines = renderer.frames().hudLines();
        assertEquals(5, lines.length, String.join("\n", lines));
        assertEquals("next: 副歌 in 4.2 s   bar 6:2", lines[2]);
        assertTrue(lines[1].startsWith("t 12.8 s / 50.0 s"), lines[1]);

        FontAtlas atlas = renderer.frames().hudAtlas();
        for (int cp : "副歌".codePoints().toArray()) {
            assertNotEquals(atlas.glyph('?'), atlas.glyph(cp), "the cue's Chinese name has its glyphs");
        }

        renderer.frames().render(16.97, camera, null);
        assertEquals("next: 副歌 in 0.1 s   bar 8:2", renderer.frames().hudLines()[2], "the countdown rounds up");
        renderer.frames().render(17.0, camera, null);
        assertEquals("next: 副歌 in 0.0 s   bar 8:3", renderer.frames().hudLines()[2], "on the cue itself");
        renderer.frames().render(1.0, camera, null);
        assertEquals("next: intro in 1.0 s   bar -", renderer.frames().hudLines()[2], "before the first beat");
        FrameInfo late = renderer.frames().render(40.0, camera, null);
        assertEquals("", late.nextCue());
        assertTrue(Double.isNaN(late.nextCueIn()));
        assertEquals("next: no cue left   bar 20:1", renderer.frames().hudLines()[2]);
    }

    @Test
    void withoutCuesOrBeatsTheHudKeepsItsFourLines() {
        GlTests.assumeGl();
        Plan plan = DemoPlans.aiCar(50);
        try (FrameRenderer r = new FrameRenderer(plan, ChongqingSite.load(), 160, 90)) {
            FrameInfo f = r.render(25, camera, null);
            String[] lines = r.hudLines();
            assertEquals(4, lines.length, String.join("\n", lines));
            assertTrue(lines[2].startsWith("drones 50"), lines[2]);
            assertEquals("", f.nextCue());
            assertArrayEquals(new long[] {0, 0}, new long[] {f.bar(), f.beat()});
        }
    }
}
