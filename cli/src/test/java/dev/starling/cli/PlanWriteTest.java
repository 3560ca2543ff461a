package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan} writes plan.json while the analyses run and keeps it only when they pass:
 * a plan the verifier passes but the clearance check fails leaves no plan.json and no temporary.
 */
class PlanWriteTest {
    private static final Path HELLO = Path.of("../shows/hello/show.json");

    /** A site whose one tower stands where the hello show's formations fly (y = 20), outside its box. */
    private static Path siteWithATowerInTheShow(Path dir) throws Exception {
        Path site = dir.resolve("site.json");
        Files.writeString(site, """
                {"format": "starling-site/1", "name": "a tower in the show", "waterLevel": -2,
                 "showBox": {"min": [-60, -40, 0], "max": [60, 10, 200]},
                 "rivers": [{"name": "River", "polygon": [[-500, -300], [500, -300], [500, -100], [-500, -100]]}],
                 "towers": [{"name": "Needle", "center": [0, 20], "size": [10, 10], "height": 120, "windows": "#ffd49a"}]}
                """);
        return site;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPlanTheClearanceCheckRefusesLeavesNoPlanAndNoTemporary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), "an older plan");
        Run r = run("plan", HELLO.toString(), "--out", out.toString(), "--site", siteWithATowerInTheShow(dir).toString(),
                "--no-cache");
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("separation             PASS"), "the verifier passed it: " + r.out());
        assertTrue(r.out().contains("NOT SAFE: the plan was not written"), r.out());
        assertEquals(List.of("report.json"), names(out), "no plan.json, no .part temporary, no music copy");
    }

    @Test
    void aSafePlanIsWrittenWholeWithNothingBesideIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), "an older plan");
        Run r = run("plan", HELLO.toString(), "--out", out.toString(), "--no-cache", "-q");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(List.of("plan.json", "report.json"), names(out));
        // the file is the whole plan: it reads back and writes the same bytes again
        byte[] bytes = Files.readAllBytes(out.resolve("plan.json"));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        PlanJson.write(PlanJson.read(out.resolve("plan.json")), again);
        assertFalse(bytes.length < 1000, "a plan, not the old file");
        assertArrayEquals(bytes, again.toByteArray());
    }
}
