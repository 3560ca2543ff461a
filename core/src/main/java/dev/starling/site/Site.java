package dev.starling.site;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The place a show flies over, from a site file ({@code starling-site/1}, e.g.
 * {@code shows/chongqing/site.json}): rivers, banks, towers (listed and generated from
 * districts), bridges and audience viewpoints, all in the show frame (metres; x to the right of
 * the main audience, y away from it, z up; origin at the centre of the takeoff area).
 *
 * <p>One geometry for everyone: the renderer draws exactly these towers and bridges, and the
 * clearance check measures drones against the same ones ({@link #distanceToStructures}).
 *
 * @param waterLevel z of the river surface, metres (below the takeoff deck at z = 0)
 * @param showBox    where drones may fly; no structure enters it
 * @param towers     listed towers first (file order), then each district's generated towers
 * @param anchor     where the show frame lies on Earth, or null when the site does not say
 */
public record Site(String name, String description, double waterLevel, ShowBox showBox,
                   List<River> rivers, List<Bank> banks, List<Tower> towers, List<Bridge> bridges,
                   List<Viewpoint> viewpoints, Anchor anchor) {
    /** The format tag of a site file. */
    public static final String FORMAT = "starling-site/1";

    public Site {
        rivers = List.copyOf(rivers);
        banks = List.copyOf(banks);
        towers = List.copyOf(towers);
        bridges = List.copyOf(bridges);
        viewpoints = List.copyOf(viewpoints);
    }

    /** A site not placed on Earth. */
    public Site(String name, String description, double waterLevel, ShowBox showBox, List<River> rivers,
                List<Bank> banks, List<Tower> towers, List<Bridge> bridges, List<Viewpoint> viewpoints) {
        this(name, description, waterLevel, showBox, rivers, banks, towers, bridges, viewpoints, null);
    }

    /**
     * Reads and validates a site file.
     *
     * @throws dev.starling.InputException naming the file, JSON path and fix for any defect
     */
    public static Site read(Path file) {
        return SiteReader.read(file);
    }

    /** Reads a site from {@code in}; {@code name} labels errors. */
    public static Site read(InputStream in, String name) {
        return SiteReader.read(in, name);
    }

    /** The viewpoint called {@code name}, if the site has one. */
    public Optional<Viewpoint> viewpoint(String name) {
        for (Viewpoint v : viewpoints) {
            if (v.name().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * Distance (metres) from (x, y, z) to the nearest tower or bridge; 0 inside one. A linear
     * scan over all structures (a few hundred): fine per query, index it for millions.
     */
    public double distanceToStructures(double x, double y, double z) {
        double best = Double.POSITIVE_INFINITY;
        for (Tower t : towers) {
            best = Math.min(best, t.distanceTo(x, y, z));
        }
        for (Bridge b : bridges) {
            best = Math.min(best, b.distanceTo(x, y, z));
        }
        return best;
    }

    /** Horizontal extent of rivers and banks: min x, max x, min y, max y into {@code out[0..3]}. */
    public void bounds(double[] out) {
        double[] b = new double[4];
        out[0] = out[2] = Double.POSITIVE_INFINITY;
        out[1] = out[3] = Double.NEGATIVE_INFINITY;
        for (River r : rivers) {
            r.outline().bounds(b);
            merge(out, b);
        }
        for (Bank k : banks) {
            k.outline().bounds(b);
            merge(out, b);
        }
    }

    private static void merge(double[] out, double[] b) {
        out[0] = Math.min(out[0], b[0]);
        out[1] = Math.max(out[1], b[1]);
        out[2] = Math.min(out[2], b[2]);
        out[3] = Math.max(out[3], b[3]);
    }
}
