package dev.starling.show;

import java.util.Arrays;

/**
 * Every flight bound of a show, in SI units (metres, m/s, m/s²) in the show frame (z up).
 *
 * <p>A bound that is {@link Double#NaN} is <em>not given</em>: the verifier checks only the
 * bounds that are given, and reports which. The show file requires all of them; flight files
 * from other tools may carry only some.
 *
 * @param minSeparation   minimum distance between any two airborne drones, metres
 * @param maxSpeedXY      maximum horizontal speed, m/s
 * @param maxSpeedUp      maximum climb rate, m/s (positive)
 * @param maxSpeedDown    maximum descent rate, m/s (positive)
 * @param maxAcceleration maximum magnitude of the acceleration vector, m/s²
 * @param minAltitude     floor of the show volume, metres: it applies from the end of the takeoff
 *                        climb (the launch layer) to the start of the landing descent; the
 *                        vertical takeoff climb and landing descent cross it
 * @param maxAltitude     highest altitude allowed, metres
 * @param geofence        polygon of [x, y] vertices in the show frame, or {@code null} for none
 */
public record Limits(
        double minSeparation,
        double maxSpeedXY,
        double maxSpeedUp,
        double maxSpeedDown,
        double maxAcceleration,
        double minAltitude,
        double maxAltitude,
        double[][] geofence) {

    /** Altitude below which drones count as on the ground: separation is not enforced there (Skybrush uses 2.5 m). */
    public static final double DEFAULT_GROUND_ALTITUDE = 2.5;

    /** No bound given at all. */
    public static final Limits NONE = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, null);

    public Limits {
        if (geofence != null) {
            double[][] copy = new double[geofence.length][];
            for (int i = 0; i < geofence.length; i++) {
                if (geofence[i] == null || geofence[i].length != 2) {
                    throw new IllegalArgumentException("geofence vertex " + i + " must be [x, y]");
                }
                copy[i] = geofence[i].clone();
            }
            geofence = copy;
        }
    }

    /** True when this record carries a geofence polygon. */
    public boolean hasGeofence() {
        return geofence != null;
    }

    /**
     * True when the point (x, y) of the show frame (metres) is inside the geofence or on its
     * boundary; always true when there is no geofence. O(vertices), allocation-free.
     */
    public boolean insideGeofence(double x, double y) {
        return geofence == null || Polygons.contains(geofence, x, y);
    }

    /** True when {@code v} is a given bound (not NaN). */
    public static boolean given(double v) {
        return !Double.isNaN(v);
    }

    /** This record with every bound that {@code override} gives replacing ours. */
    public Limits overriddenBy(Limits override) {
        return new Limits(
                pick(override.minSeparation, minSeparation),
                pick(override.maxSpeedXY, maxSpeedXY),
                pick(override.maxSpeedUp, maxSpeedUp),
                pick(override.maxSpeedDown, maxSpeedDown),
                pick(override.maxAcceleration, maxAcceleration),
                pick(override.minAltitude, minAltitude),
                pick(override.maxAltitude, maxAltitude),
                override.geofence != null ? override.geofence : geofence);
    }

    private static double pick(double preferred, double fallback) {
        return given(preferred) ? preferred : fallback;
    }

    @Override
    public double[][] geofence() {
        if (geofence == null) {
            return null;
        }
        double[][] copy = new double[geofence.length][];
        for (int i = 0; i < geofence.length; i++) {
            copy[i] = geofence[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Limits l)) {
            return false;
        }
        return Double.compare(minSeparation, l.minSeparation) == 0
                && Double.compare(maxSpeedXY, l.maxSpeedXY) == 0
                && Double.compare(maxSpeedUp, l.maxSpeedUp) == 0
                && Double.compare(maxSpeedDown, l.maxSpeedDown) == 0
                && Double.compare(maxAcceleration, l.maxAcceleration) == 0
                && Double.compare(minAltitude, l.minAltitude) == 0
                && Double.compare(maxAltitude, l.maxAltitude) == 0
                && Arrays.deepEquals(geofence, l.geofence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {minSeparation, maxSpeedXY, maxSpeedUp, maxSpeedDown,
                maxAcceleration, minAltitude, maxAltitude}) * 31 + Arrays.deepHashCode(geofence);
    }

    @Override
    public String toString() {
        return "Limits[minSeparation=" + minSeparation + ", maxSpeedXY=" + maxSpeedXY
                + ", maxSpeedUp=" + maxSpeedUp + ", maxSpeedDown=" + maxSpeedDown
                + ", maxAcceleration=" + maxAcceleration + ", minAltitude=" + minAltitude
                + ", maxAltitude=" + maxAltitude + ", geofence=" + Arrays.deepToString(geofence) + "]";
    }
}
