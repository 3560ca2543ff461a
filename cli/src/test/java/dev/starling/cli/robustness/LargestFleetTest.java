package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest fleet Starling is tested to plan: 20,000 drones through four parametric scenes,
 * planned, verified and written by {@code starling plan} in a child JVM limited to a 4 GB heap
 * (the launcher's default, {@code -Xmx4g}). About 90 s on a 2-core machine, so tagged slow.
 * Time and peak heap (the most used before any collection, from the GC log) are published as
 * report entries; docs/robustness.md has the measured figures.
 */
@Tag("slow")
class LargestFleetTest {
    static final int FLEET = 20_000;
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @Test
    void twentyThousandDronesPlanWithinFourGigabytes(TestReporter reporter) throws Exception {
        Path show = dir.resolve("fleet.json");
        Files.writeString(show, GeneratedShows.parametric("Largest fleet", FLEET), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path gc = dir.resolve("gc.log");
        long t0 = System.nanoTime();
        Cli.Run r = Cli.runChild(List.of("-Xmx4g", "-Xlog:gc:file=" + gc), dir.resolve("plan.log"), Duration.ofMinutes(15),
                "plan", show.toString(), "--out", out.toString(), "-q");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.code(), r::all);
        assertTrue(r.out().contains("CLEAN"), r::all);
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertEquals(FLEET, plan.droneCount());

        long peak = 0;
        Matcher m = GC.matcher(Files.readString(gc));
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        assertTrue(peak > 0 && peak < 4096, "peak heap " + peak + " MB inside -Xmx4g");
        reporter.publishEntry("seconds", String.format("%.1f", seconds));
        reporter.publishEntry("peakHeapMB", Long.toString(peak));
    }
}
