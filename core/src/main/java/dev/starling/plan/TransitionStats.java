package dev.starling.plan;

/**
 * Figures for one synchronized transition of a planned show (takeoff climb, a move between
 * formations, the move to the landing layer, the descent).
 *
 * @param name             e.g. {@code takeoff}, {@code → AI+车}, {@code to landing layer}, {@code landing}
 * @param start            seconds from show start
 * @param duration         seconds
 * @param lowerBound       seconds: no plan can be shorter, given the longest single move of this
 *                         assignment and the speed and acceleration limits (each drone on its own)
 * @param longestMove      metres, the largest straight-line distance a drone flies
 * @param peakSpeedXY      m/s, the largest horizontal speed reached
 * @param peakSpeedUp      m/s, the largest climb rate
 * @param peakSpeedDown    m/s, the largest descent rate
 * @param peakAcceleration m/s²
 * @param assignmentCost   Σ squared move lengths of the assignment, m² (0 when none was solved)
 * @param assignmentMillis time spent solving the assignment, ms
 * @param minSeparation    smallest distance between two airborne drones during the transition,
 *                         metres (NaN until verified)
 */
public record TransitionStats(String name, double start, double duration, double lowerBound, double longestMove,
                              double peakSpeedXY, double peakSpeedUp, double peakSpeedDown,
                              double peakAcceleration, double assignmentCost, double assignmentMillis,
                              double minSeparation) {
    public TransitionStats withMinSeparation(double d) {
        return new TransitionStats(name, start, duration, lowerBound, longestMove, peakSpeedXY, peakSpeedUp,
                peakSpeedDown, peakAcceleration, assignmentCost, assignmentMillis, d);
    }

    public double end() {
        return start + duration;
    }
}
