package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.SceneSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackTest {
    private static final double EPS = 1e-9;
    private static final Timeline TIMELINE = new Timeline(List.of(
            new SceneSpan("AI+车", 10, 20, 30), new SceneSpan("Heart", 35, 45, 55)), 0, 70);

    @Test
    void timelineNamesWhatTheShowIsDoing() {
        assertEquals("takeoff", TIMELINE.describe(5));
        assertEquals("AI+车 (transition)", TIMELINE.describe(12));
        assertEquals("AI+车 (hold)", TIMELINE.describe(20));
        assertEquals("AI+车 (leaving)", TIMELINE.describe(32));
        assertEquals("Heart (hold)", TIMELINE.describe(50));
        assertEquals("landing", TIMELINE.describe(60));
        assertEquals("", new Timeline(List.of(), 0, 10).describe(5));
    }

    @Test
    void playAdvancesBySpeedAndPausesAtTheEnd() {
        Playback p = new Playback(TIMELINE, 0, 1);
        p.advance(2.5);
        assertEquals(2.5, p.time(), EPS);
        p.faster();
        assertEquals(2, p.speed(), EPS);
        p.advance(1);
        assertEquals(4.5, p.time(), EPS);
        p.togglePause();
        p.advance(10);
        assertEquals(4.5, p.time(), EPS, "paused: time stands still");
        p.togglePause();
        p.advance(1000);
        assertEquals(70, p.time(), EPS);
        assertTrue(p.paused(), "stops at the end");
        p.togglePause();
        assertEquals(0, p.time(), EPS, "play at the end starts over");
        assertFalse(p.paused());
    }

    @Test
    void scrubAndSpeedStayInRange() {
        Playback p = new Playback(TIMELINE, 1, 1);
        p.scrub(-3);
        assertEquals(0, p.time(), EPS);
        p.scrub(2);
        assertEquals(2 * Playback.SCRUB_STEP, p.time(), EPS);
        for (int i = 0; i < 20; i++) {
            p.slower();
        }
        assertEquals(Playback.SPEEDS[0], p.speed(), EPS);
        for (int i = 0; i < 20; i++) {
            p.faster();
        }
        assertEquals(Playback.SPEEDS[Playback.SPEEDS.length - 1], p.speed(), EPS);
        assertEquals("playing x16", p.status());
    }

    @Test
    void sceneJumpsLandOnHoldStarts() {
        Playback p = new Playback(TIMELINE, 0, 1);
        p.nextScene();
        assertEquals(20, p.time(), EPS);
        p.nextScene();
        assertEquals(45, p.time(), EPS);
        p.nextScene();
        assertEquals(70, p.time(), EPS, "past the last scene: the end");
        p.previousScene();
        assertEquals(45, p.time(), EPS);
        p.scrub(1);
        p.previousScene();
        assertEquals(45, p.time(), EPS, "inside a hold: back to its start first");
        p.previousScene();
        assertEquals(20, p.time(), EPS);
        p.previousScene();
        assertEquals(0, p.time(), EPS);
    }

    @Test
    void theClockFollowsTheMusicOnlyBeyondTheResyncGap() {
        Playback p = new Playback(TIMELINE, 10, 1);
        p.follow(10 + 0.9 * Playback.RESYNC);
        assertEquals(10, p.time(), EPS, "within the gap the clock keeps its own smooth time");
        p.follow(10 - 0.9 * Playback.RESYNC);
        assertEquals(10, p.time(), EPS);
        p.follow(10 + 1.5 * Playback.RESYNC);
        assertEquals(10 + 1.5 * Playback.RESYNC, p.time(), EPS, "beyond it the clock takes the sound's time");
        p.follow(9.9);
        assertEquals(9.9, p.time(), EPS, "behind as well as ahead");
        p.follow(99);
        assertEquals(70, p.time(), EPS, "never past the show's end");
        Playback paused = new Playback(TIMELINE, 10, 1);
        paused.togglePause();
        paused.follow(12);
        assertEquals(10, paused.time(), EPS, "paused: nothing to follow");
    }

    @Test
    void movesByHandAreCountedSoTheMusicSeeks() {
        Playback p = new Playback(TIMELINE, 0, 1);
        p.advance(1);
        p.faster();
        p.slower();
        p.togglePause();
        p.togglePause();
        assertEquals(0, p.jumps(), "playing, speed and pause move nothing by hand");
        p.scrub(1);
        p.scrub(-1);
        p.nextScene();
        p.previousScene();
        assertEquals(4, p.jumps());
        p.advance(1000);
        p.togglePause();
        assertEquals(5, p.jumps(), "play at the end starts over: a jump to the start");
    }

    @Test
    void musicPlaysAlongOnlyAtOneTimesSpeed() {
        Playback p = new Playback(TIMELINE, 0, 1);
        assertTrue(p.running());
        p.faster();
        assertFalse(p.running(), "x2: muted");
        p.slower();
        p.slower();
        assertFalse(p.running(), "x0.5: muted");
        p.faster();
        p.togglePause();
        assertFalse(p.running(), "paused");
    }
}
