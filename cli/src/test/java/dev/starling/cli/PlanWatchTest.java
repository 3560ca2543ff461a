package dev.starling.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan --watch} through an edit, a broken edit and a repair: each save is seen and
 * re-planned; the broken one prints the exit-2 error and keeps the last good plan.json. Waits poll
 * the captured output with a deadline; nothing asserts on time.
 */
class PlanWatchTest {
    private static final ObjectMapper M = new ObjectMapper();
    /** Generous: a plan of the hello show takes a few seconds on a busy 2-core machine. */
    private static final long DEADLINE_MS = 180_000;

    @TempDir
    Path tmp;

    static Path writeShow(Path dir, int ringSize) throws IOException {
        ObjectNode show = (ObjectNode) M.readTree(Files.readString(Path.of("../shows/hello/show.json")));
        ((ObjectNode) show.withArray("scenes").get(2).get("formation")).put("size", ringSize);
        Path p = dir.resolve("show.json");
        Files.writeString(p, M.writerWithDefaultPrettyPrinter().writeValueAsString(show));
        return p;
    }

    /** Waits until the captured text satisfies {@code done}, or fails with what it holds. */
    static String await(StringWriter sw, Future<?> run, Predicate<String> done, String what) throws Exception {
        long end = System.currentTimeMillis() + DEADLINE_MS;
        while (System.currentTimeMillis() < end) {
            String s = sw.toString();
            if (done.test(s)) {
                return s;
            }
            assertFalse(run.isDone(), "the watch ended before " + what + ":\n" + s);
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within " + DEADLINE_MS + " ms:\n" + sw);
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void watchRePlansAnEditKeepsTheLastGoodPlanThroughABrokenOneAndRecovers() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("show"));
        Path show = writeShow(dir, 60);
        Path out = tmp.resolve("out");
        StringWriter outText = new StringWriter(), errText = new StringWriter();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = ex.submit(() -> Starling.run(new PrintWriter(outText, true), new PrintWriter(errText, true),
                    "plan", show.toString(), "--out", out.toString(), "--watch", "--watch-rounds", "3",
                    "--watch-poll", "50"));
            String watching = "file(s) for changes";
            await(errText, run, s -> count(s, watching) == 1, "first plan");
            byte[] first = Files.readAllBytes(out.resolve("plan.json"));

            Files.writeString(dir.resolve("render.log"), "frames written"); // not a file the show names
            writeShow(dir, 56); // an edit
            String s = await(errText, run, t -> count(t, watching) == 2, "re-plan after the edit");
            assertTrue(s.contains("changed: " + show + " (modified)"), s);
            assertFalse(s.contains("render.log"), "a file the show does not name starts no re-plan: " + s);
            assertTrue(s.contains("cache: 2 of 3 scenes and 2 of 4 assignments reused"), s);
            assertTrue(s.contains("sampled again: \"Ring\""), s);
            byte[] edited = Files.readAllBytes(out.resolve("plan.json"));
            assertFalse(java.util.Arrays.equals(first, edited), "the edit reached plan.json");

            String good = Files.readString(show);
            Files.writeString(show, good.replace("\"size\" : 56", "\"size\" : -5")); // a broken edit
            s = await(errText, run, t -> count(t, watching) == 3, "re-plan after the broken edit");
            String broken = s.substring(s.lastIndexOf("changed:"));
            assertTrue(broken.contains("error: " + show), broken);
            assertTrue(broken.contains("scenes[2].formation.size"), broken);
            assertTrue(broken.contains("the last good plan stays in " + out.resolve("plan.json")), broken);
            assertFalse(broken.contains("Exception"), broken);
            assertArrayEquals(edited, Files.readAllBytes(out.resolve("plan.json")), "the last good plan is kept");

            Files.writeString(show, good); // the repair
            assertEquals(0, run.get(DEADLINE_MS, TimeUnit.MILLISECONDS), errText.toString());
            s = errText.toString();
            String repaired = s.substring(s.lastIndexOf("changed:"));
            assertTrue(repaired.contains("cache: 3 of 3 scenes and 4 of 4 assignments reused"), repaired);
            assertArrayEquals(edited, Files.readAllBytes(out.resolve("plan.json")), "the repair plans the edit again");
        } finally {
            ex.shutdownNow();
        }
    }
}
