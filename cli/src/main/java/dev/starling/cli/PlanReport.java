package dev.starling.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starling.analysis.BatteryReport;
import dev.starling.analysis.ClearanceReport;
import dev.starling.base.AtomicFiles;
import dev.starling.plan.MotionStats;
import dev.starling.plan.SceneSpan;
import dev.starling.plan.TimelineReport;
import dev.starling.plan.TransitionStats;
import dev.starling.show.Facing;
import dev.starling.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code starling plan} found, written as {@code report.json} ({@code starling-report/1}):
 * the planner's outcome composed with the verifier's and the analyses' reports. It lives with the
 * command, so the planner does not depend on the analyses. Times are seconds from show start
 * unless named otherwise.
 *
 * @param clean        true when the verifier passed the plan (plan.json is written only then)
 * @param duration     show length from first takeoff to last landing, seconds
 * @param flightTime   longest time a drone is airborne (above the ground altitude), seconds: what the batteries must cover
 * @param scenes       the scene timeline
 * @param timeline     music, cues, and every scene's pinned and actual times
 * @param audiences    per scene: the turn its {@code faces} made and each viewpoint's verdict
 *                     ({@code reads}, {@code mirrored}, {@code edge-on}, {@code 3-D})
 * @param transitions  per transition: duration, its lower bound, peak speeds, minimum separation
 * @param motion       per moving scene: peak speeds and acceleration during its hold, beside the limits
 * @param verification the independent verifier's report of the final plan
 * @param battery      energy per drone and margin at landing (docs/analysis.md)
 * @param clearance    closest approach to the site's structures, or null when the show has no site.json
 * @param repair       what the repair did
 * @param timings      seconds spent per stage
 * @param exports      files written by exporters
 * @param problems     human-readable lines on what could not be made safe, empty when clean
 */
public record PlanReport(String format, String show, int drones, boolean clean, double duration, double flightTime,
                         List<SceneSpan> scenes, TimelineReport timeline,
                         List<Facing.Audience> audiences,
                         List<TransitionStats> transitions, List<MotionStats> motion,
                         VerificationReport verification, BatteryReport battery,
                         ClearanceReport clearance, Repair repair, Timings timings,
                         List<String> exports, List<String> problems) {
    public static final String FORMAT = "starling-report/1";

    /** Repair summary: rounds run and the transitions split into waves. */
    public record Repair(int rounds, List<String> transitionsSplit) {
    }

    /** Seconds per stage. */
    public record Timings(double loading, double sampling, double assignment, double timeScaling, double repair,
                          double verification, double analysis, double writing, double total) {
    }

    /** Writes this report as pretty JSON, atomically. */
    public void write(Path file) throws IOException {
        byte[] bytes = mapper().writeValueAsBytes(this);
        AtomicFiles.write(file, bytes);
    }

    /** This report as a JSON string. */
    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("report is not serialisable", e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
