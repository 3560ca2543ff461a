package dev.starling.analysis;

import java.util.List;
import java.util.Locale;

/**
 * How close the drones come to the site's structures ({@link ClearanceAnalysis#analyze}).
 *
 * @param site            site name
 * @param bufferM         required clearance, metres
 * @param stepS           sampling step near structures, seconds
 * @param towers          towers checked
 * @param bridges         bridges checked
 * @param banks           banks (terrain) checked
 * @param closest         the closest approach of any drone to any structure (null for an empty plan)
 * @param violationCount  drones that come closer than the buffer
 * @param violations      each such drone's closest approach, closest first (at most
 *                        {@value ClearanceAnalysis#LIST_LIMIT})
 * @param nearest         the {@value ClearanceAnalysis#NEAREST} drones that come closest, one entry each
 * @param runtimeMs       wall-clock time, ms
 */
public record ClearanceReport(String site, double bufferM, double stepS, int towers, int bridges, int banks,
                              Approach closest, int violationCount, List<Approach> violations,
                              List<Approach> nearest, double runtimeMs) {
    public ClearanceReport {
        violations = List.copyOf(violations);
        nearest = List.copyOf(nearest);
    }

    /**
     * A drone's closest approach to a structure.
     *
     * @param drone        index in the plan
     * @param name         drone display name
     * @param time         seconds from show start
     * @param x            drone position then, metres
     * @param y            drone position then, metres
     * @param z            drone position then, metres
     * @param structure    structure name ({@code Raffles City T1})
     * @param kind         {@code tower}, {@code bridge} or {@code bank}
     * @param distanceM    distance at the sampled instant, metres
     * @param lowerBoundM  no instant of this drone's flight comes closer than this (sampled
     *                     distance minus speed × step / 2); exact only for the overall closest
     *                     approach and for drones within the buffer
     */
    public record Approach(int drone, String name, double time, double x, double y, double z, String structure,
                           String kind, double distanceM, double lowerBoundM) {
    }

    /** True when no drone comes closer than the buffer. */
    public boolean ok() {
        return violationCount == 0;
    }

    /** A human summary, a few lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Clearance from %s (%d towers, %d bridges, %d banks), buffer %.1f m%n",
                site, towers, bridges, banks, bufferM));
        if (closest == null) {
            sb.append("  no drones\n");
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "  closest approach: %s at t=%.1f s, %.2f m from %s %s (at least %.2f m) at (%.1f, %.1f, %.1f)%n",
                closest.name(), closest.time(), closest.distanceM(), closest.kind(), closest.structure(),
                closest.lowerBoundM(), closest.x(), closest.y(), closest.z()));
        if (violationCount == 0) {
            sb.append("  PASS: every drone keeps the buffer\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  FAIL: %d drone(s) closer than %.1f m:%n", violationCount, bufferM));
            int shown = Math.min(10, violations.size());
            for (int i = 0; i < shown; i++) {
                Approach a = violations.get(i);
                sb.append(String.format(Locale.ROOT, "    %s %.2f m from %s %s at t=%.1f s%n", a.name(), a.distanceM(),
                        a.kind(), a.structure(), a.time()));
            }
            if (violationCount > shown) {
                sb.append("    …\n");
            }
        }
        return sb.toString();
    }
}
