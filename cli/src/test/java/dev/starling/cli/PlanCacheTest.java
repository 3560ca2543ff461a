package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan} with its cache in {@code .starling-cache} beside DIR: a re-plan reuses what
 * did not change and writes the plan a cold run writes, byte for byte; an edit reaches exactly the
 * scene and the transitions it touches; damaged or foreign entries are ignored; a refused plan
 * adds nothing.
 */
class PlanCacheTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
            + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"40\" fill=\"#ffffff\"/></svg>";
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The hello show in tmp/show/show.json, its second scene drawn from box.svg beside it. */
    private Path show(int ringSize) throws IOException {
        ObjectNode show = (ObjectNode) M.readTree(Files.readString(Path.of("../shows/hello/show.json")));
        ObjectNode f = M.createObjectNode().put("type", "svg").put("file", "box.svg").put("width", 30);
        ((ObjectNode) show.withArray("scenes").get(1)).set("formation", f);
        ((ObjectNode) show.withArray("scenes").get(2).get("formation")).put("size", ringSize);
        Path dir = Files.createDirectories(tmp.resolve("show"));
        if (!Files.exists(dir.resolve("box.svg"))) {
            Files.writeString(dir.resolve("box.svg"), SVG);
        }
        Path p = dir.resolve("show.json");
        Files.writeString(p, M.writerWithDefaultPrettyPrinter().writeValueAsString(show));
        return p;
    }

    private byte[] plan(Path show, String out, String... extra) throws IOException {
        Run r = planRun(show, out, extra);
        assertEquals(0, r.code(), r.err());
        return Files.readAllBytes(tmp.resolve(out).resolve("plan.json"));
    }

    private Run planRun(Path show, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("plan", show.toString(), "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static String reuse(Run r) {
        return r.err().lines().filter(l -> l.contains("cache:")).findFirst().orElse("(no cache line)").trim();
    }

    @Test
    void aRePlanFromTheCacheIsTheColdPlanByteForByte() throws IOException {
        Path show = show(60);
        byte[] cold = plan(show, "cold", "--no-cache");
        assertFalse(Files.exists(tmp.resolve(".starling-cache")), "--no-cache writes no cache");
        Run first = planRun(show, "warm");
        assertTrue(reuse(first).startsWith("cache: 0 of 3 scenes and 0 of 4 assignments reused"), reuse(first));
        Run second = planRun(show, "warm");
        assertEquals(0, second.code(), second.err());
        assertTrue(reuse(second).startsWith("cache: 3 of 3 scenes and 4 of 4 assignments reused"), reuse(second));
        assertArrayEquals(cold, Files.readAllBytes(tmp.resolve("warm/plan.json")));
    }

    @Test
    void anEditReachesItsSceneAndItsTwoTransitionsOnly() throws IOException {
        plan(show(60), "warm");
        Path edited = show(56);
        Run r = planRun(edited, "warm");
        assertEquals(0, r.code(), r.err());
        // the ring is the last scene: its two transitions are from the heart and to the landing layer
        assertTrue(reuse(r).startsWith("cache: 2 of 3 scenes and 2 of 4 assignments reused"), reuse(r));
        assertArrayEquals(plan(edited, "cold", "--no-cache"), Files.readAllBytes(tmp.resolve("warm/plan.json")));
    }

    @Test
    void anAssetEditResamplesTheSceneThatUsesIt() throws IOException {
        Path show = show(60);
        plan(show, "warm");
        Files.writeString(show.resolveSibling("box.svg"), SVG.replace("height=\"40\"", "height=\"30\""));
        Run r = planRun(show, "warm");
        assertEquals(0, r.code(), r.err());
        assertTrue(reuse(r).startsWith("cache: 2 of 3 scenes and 2 of 4 assignments reused"), reuse(r));
        assertArrayEquals(plan(show, "cold", "--no-cache"), Files.readAllBytes(tmp.resolve("warm/plan.json")));
    }

    @Test
    void aRefusedPlanAddsNothingToTheCache() throws IOException {
        Run r = planRun(show(-5), "bad");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("scenes[2].formation.size"), r.err());
        assertFalse(Files.exists(tmp.resolve(".starling-cache")), "nothing cached for a refused show");
        assertFalse(Files.exists(tmp.resolve("bad/plan.json")));
    }

    @Test
    void damagedAndForeignEntriesAreIgnored() throws IOException {
        Path show = show(60);
        byte[] cold = plan(show, "cold", "--no-cache");
        plan(show, "warm");
        List<Path> entries;
        assertFalse(Files.exists(tmp.resolve("warm/.starling-cache")), "the cache is beside the output, not in it");
        try (Stream<Path> s = Files.list(tmp.resolve(".starling-cache"))) {
            entries = s.sorted().toList();
        }
        assertEquals(7, entries.size(), "3 scenes and 4 assignments: " + entries);
        // every other entry gets one payload byte flipped; the rest carry another entry's bytes
        for (int k = 0; k < entries.size(); k++) {
            Path e = entries.get(k);
            byte[] b = Files.readAllBytes(entries.get((k + 1) % entries.size()));
            if (k % 2 == 0) {
                b = Files.readAllBytes(e);
                b[b.length - 3] ^= 0x10;
            }
            Files.write(e, b);
        }
        Run r = planRun(show, "warm");
        assertEquals(0, r.code(), r.err());
        assertTrue(reuse(r).startsWith("cache: 0 of 3 scenes and 0 of 4 assignments reused"), reuse(r));
        assertArrayEquals(cold, Files.readAllBytes(tmp.resolve("warm/plan.json")));
        // and the entries were written afresh
        Run again = planRun(show, "warm");
        assertTrue(reuse(again).startsWith("cache: 3 of 3 scenes and 4 of 4 assignments reused"), reuse(again));
    }
}
