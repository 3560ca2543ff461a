package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starling validate} reports the battery margin and, with --site, clearance; a breach fails the run. */
class ValidateAnalysesTest {
    private static final Path SITE = Path.of("../shows/chongqing/site.json");
    private static final Limits LIMITS = new Limits(1.5, 8, 4, 3, 4, Double.NaN, 400, null);

    @TempDir
    Path dir;

    @Test
    void cleanFlightPassesBatteryAndClearance() throws Exception {
        Path plan = write(Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 30).holdUntil(60).lineTo(70, 0, 0, 0).build());
        Run r = run("validate", plan.toString(), "--site", SITE.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Battery") && r.out().contains("Clearance"), r.out());
        JsonNode j = new ObjectMapper().readTree(run("validate", plan.toString(), "--site", SITE.toString(), "--json", "-q").out());
        assertTrue(j.get("safe").asBoolean());
        assertEquals(0, j.at("/battery/belowReserveCount").asInt());
        assertEquals(0, j.at("/clearance/violationCount").asInt());
    }

    @Test
    void droneFlownIntoATowerFailsTheRunThoughLimitsHold() throws Exception {
        dev.starling.site.Site site = dev.starling.site.Site.read(SITE);
        dev.starling.site.Tower t = site.towers().get(0);
        double[] b = new double[4];
        t.footprint().bounds(b);
        double[] c = {(b[0] + b[1]) / 2, (b[2] + b[3]) / 2};
        Path plan = write(Trajectory.startingAt(0, c[0], c[1], 0).lineTo(100, c[0], c[1], 40).holdUntil(110)
                .lineTo(160, c[0], c[1], 0).build());
        Run r = run("validate", plan.toString(), "--site", SITE.toString(), "-q");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL"), r.out());
    }

    private Path write(Trajectory tr) throws Exception {
        Plan p = new Plan("t", LIMITS, List.of(tr), List.of(LightProgram.dark()), List.of());
        Path f = dir.resolve("plan.json");
        PlanJson.write(p, f);
        return f;
    }
}
