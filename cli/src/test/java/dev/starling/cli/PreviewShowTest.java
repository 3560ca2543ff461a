package dev.starling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling preview SHOW.json}: plans the show, opens the window (a visible one under Xvfb),
 * and follows the file: an edit is planned again and reloaded in place; a broken edit prints its
 * exit-2 error and keeps the last good plan on screen. A show that does not plan at all is refused
 * before any window opens. Waits poll the captured output with a deadline.
 */
class PreviewShowTest {
    private static final long DEADLINE_MS = 180_000;

    @TempDir
    Path tmp;

    @BeforeAll
    static void probe() {
        RenderCommandTest.probe();
    }

    @Test
    void aShowFileIsPlannedShownAndReloadedAfterEachEdit() throws Exception {
        RenderCommandTest.assumeGl();
        Path dir = Files.createDirectories(tmp.resolve("show"));
        Path show = PlanWatchTest.writeShow(dir, 60);
        StringWriter out = new StringWriter(), err = new StringWriter();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = ex.submit(() -> Starling.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    "preview", show.toString(), "--out", tmp.resolve("out").toString(), "--size", "320x180",
                    "--watch-rounds", "2"));
            PlanWatchTest.await(out, run, s -> s.contains("previewing"), "the window");
            assertTrue(Files.isRegularFile(tmp.resolve("out/plan.json")), "the show was planned into --out");

            PlanWatchTest.writeShow(dir, 56); // an edit
            String s = PlanWatchTest.await(out, run, t -> t.contains("reloaded:"), "the reload after the edit");
            assertTrue(s.contains("changed: " + show + " (modified)"), s);

            String good = Files.readString(show);
            Files.writeString(show, good.replace("\"size\" : 56", "\"size\" : -5")); // a broken edit
            assertEquals(0, run.get(DEADLINE_MS, TimeUnit.MILLISECONDS), out + "\n" + err);
            assertTrue(out.toString().contains("the last good plan stays on screen"), out.toString());
            assertTrue(err.toString().contains("scenes[2].formation.size"), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void aShowThatDoesNotPlanIsRefusedBeforeAnyWindow() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path show = PlanWatchTest.writeShow(dir, -5);
        Run r = Run.run("preview", show.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("scenes[2].formation.size"), r.err());
        assertFalse(r.out().contains("previewing"), r.out());
    }
}
