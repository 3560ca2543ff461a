package dev.starling.plan;

import dev.starling.light.LightProgram;
import dev.starling.show.LightLimits;
import dev.starling.show.Limits;
import dev.starling.show.Timeline;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
import java.util.List;

/**
 * A planned show: for each drone (index 0..n-1) a trajectory and a light program, the limits it
 * was planned for, and the scene timeline. What the planner produces, what readers of other
 * tools' flight files produce (with {@link Limits#NONE} or the file's own limits and no scenes),
 * and what the verifier, exporters and renderer consume.
 *
 * @param name          show title
 * @param limits        the bounds the show must respect (NaN entries: not given)
 * @param trajectories  one per drone
 * @param lights        one per drone, same order
 * @param scenes        scene timeline, possibly empty
 * @param timeline      the show's music, cues and beat grid ({@link Timeline#NONE} for none)
 * @param lightLimits   the bounds on the lights (the show's, or {@link LightLimits#FLIGHT_FILE} when
 *                      the plan did not come from a show)
 */
public record Plan(String name, Limits limits, List<Trajectory> trajectories,
                   List<LightProgram> lights, List<SceneSpan> scenes, Timeline timeline, LightLimits lightLimits) {
    public Plan {
        lightLimits = lightLimits == null ? LightLimits.FLIGHT_FILE : lightLimits;
        timeline = timeline == null ? Timeline.NONE : timeline;
        trajectories = List.copyOf(trajectories);
        lights = List.copyOf(lights);
        scenes = List.copyOf(scenes);
        if (trajectories.size() != lights.size()) {
            throw new IllegalArgumentException(trajectories.size() + " trajectories but " + lights.size()
                    + " light programs: every drone needs both");
        }
    }

    /** A plan from a flight file: light limits {@link LightLimits#FLIGHT_FILE}. */
    public Plan(String name, Limits limits, List<Trajectory> trajectories, List<LightProgram> lights,
                List<SceneSpan> scenes, Timeline timeline) {
        this(name, limits, trajectories, lights, scenes, timeline, LightLimits.FLIGHT_FILE);
    }

    /** A plan without music or cues. */
    public Plan(String name, Limits limits, List<Trajectory> trajectories, List<LightProgram> lights,
                List<SceneSpan> scenes) {
        this(name, limits, trajectories, lights, scenes, Timeline.NONE);
    }

    public int droneCount() {
        return trajectories.size();
    }

    /**
     * The independent verifier on this plan's flights and light programs: {@link Verifier#verify(List,
     * List, LightLimits, Limits, VerifyOptions)} with this plan's trajectories, lights and light limits.
     */
    public VerificationReport verify(Limits limits, VerifyOptions options) {
        return Verifier.verify(trajectories, lights, lightLimits, limits, options);
    }

    /** Earliest start over all drones, seconds. */
    public double startTime() {
        double t = Double.POSITIVE_INFINITY;
        for (Trajectory tr : trajectories) {
            t = Math.min(t, tr.startTime());
        }
        return trajectories.isEmpty() ? 0 : t;
    }

    /** Latest end over all drones, seconds. */
    public double endTime() {
        double t = Double.NEGATIVE_INFINITY;
        for (Trajectory tr : trajectories) {
            t = Math.max(t, tr.endTime());
        }
        return trajectories.isEmpty() ? 0 : t;
    }

    /** The conventional display name of drone {@code i}: {@code drone-00001} for index 0. */
    public static String droneName(int i) {
        return String.format("drone-%05d", i + 1);
    }
}
