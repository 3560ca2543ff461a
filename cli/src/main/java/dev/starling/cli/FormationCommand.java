package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.formation.FormationResult;
import dev.starling.formation.Formations;
import dev.starling.formation.Targets;
import dev.starling.formation.TargetsImage;
import dev.starling.base.AtomicFiles;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code starling formation}: samples one formation source to N points and writes them as CSV
 * (and optionally a PNG as the audience sees them). All logic is in {@link Formations}.
 */
@Command(name = "formation",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sample a formation to N evenly spread points, at least --min-spacing apart,",
            "and write them as CSV (x,y,z,r,g,b in the show frame: metres, x right, y away",
            "from the audience, z up), optionally with a PNG of what the audience sees.",
            "",
            "Examples:",
            "  starling formation --text \"AI+车\" --height 200 --count 3000 --out ai.csv --png ai.png",
            "  starling formation --text \"两江四岸\" --height 60 --count 700 --out t.csv",
            "  starling formation --text \"Hello\" --font \"DejaVu Sans\" --mode stroke --height 30 --count 200 --out h.csv",
            "  starling formation --image logo.png --width 120 --count 1000 --out logo.csv --png logo-check.png",
            "  starling formation --svg car.svg --height 50 --count 800 --out car.csv",
            "  starling formation --mesh bunny.obj --size 60 --count 2000 --out bunny.csv",
            "  starling formation --shape heart --size 80 --count 700 --color \"#ff3366\" --out heart.csv --png heart.png",
            "  starling formation --shape helix --size 40 --height 80 --turns 4 --count 200 --out helix.csv",
            "  starling formation --points mine.csv --count 500 --out thinned.csv",
            "",
            "Exactly one source: --text, --image, --svg, --mesh, --points or --shape.",
            "Sizes are metres: --height of text (its ink), --width or --height of images",
            "and SVGs (aspect kept), --size of meshes (largest extent) and shapes (sphere,",
            "torus, ring, helix, grid, heart). When the shape cannot hold N points that far",
            "apart, the error says how much larger to make it.",
            ""},
        footer = {"", "Exit codes: 0 written, 1 writing failed, 2 bad input or command line."})
final class FormationCommand implements Callable<Integer> {
    /** Default minimum spacing: √2 · 1.5 m, so CAPT transitions keep 1.5 m between drones. */
    static final double DEFAULT_MIN_SPACING = Math.sqrt(2) * 1.5;

    static final class Source {
        @Option(names = "--text", paramLabel = "TEXT", description = "text to draw (\\n in the text starts a new line)")
        String text;

        @Option(names = "--image", paramLabel = "PNG", description = "image: its lit pixels, in their colours")
        Path image;

        @Option(names = "--svg", paramLabel = "SVG", description = "SVG drawing: paths and basic shapes, in their fill colours")
        Path svg;

        @Option(names = "--mesh", paramLabel = "OBJ", description = "Wavefront OBJ mesh: points over its surface")
        Path mesh;

        @Option(names = "--points", paramLabel = "CSV", description = "CSV of x,y,z[,r,g,b]: used as is, or thinned to --count")
        Path points;

        @Option(names = "--shape", paramLabel = "SHAPE", description = "sphere, torus, ring, helix, grid or heart")
        String shape;
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nSource (exactly one):%n")
    Source source;

    @Option(names = "--count", required = true, paramLabel = "N", description = "number of lit points")
    int count;

    @Option(names = "--font", paramLabel = "FONT",
            description = "font file (.ttf/.otf) or installed family (default: the bundled Noto Sans SC subset)")
    String font;

    @Option(names = "--height", paramLabel = "M", description = "height in metres (text, image, svg; helix, grid; torus tube; ring band)")
    Double height;

    @Option(names = "--width", paramLabel = "M", description = "width in metres (image, svg)")
    Double width;

    @Option(names = "--size", paramLabel = "M", description = "overall size in metres (mesh, shape)")
    Double size;

    @Option(names = "--turns", paramLabel = "N", description = "helix turns (default 3)")
    Double turns;

    @Option(names = "--mode", paramLabel = "MODE", description = "fill (default) or stroke: points along the outlines")
    String mode;

    @Option(names = "--threshold", paramLabel = "T", description = "image: luma 0..1 above which a pixel is lit (default 0.5)")
    Double threshold;

    @Option(names = "--scale", paramLabel = "F", description = "points: factor applied to the coordinates (default 1)")
    Double scale;

    @Option(names = "--min-spacing", paramLabel = "M", description = "least distance between points, metres (default: √2·1.5 = 2.12)")
    double minSpacing = DEFAULT_MIN_SPACING;

    @Option(names = "--plane", paramLabel = "PLANE", description = "xz (facing the audience, default), yz or xy")
    String plane = "xz";

    @Option(names = "--center", paramLabel = "X,Y,Z", split = ",", description = "formation centre, metres (default 0,0,60)")
    double[] center = {0, 0, 60};

    @Option(names = "--rotation", paramLabel = "RX,RY,RZ", split = ",", description = "rotation in degrees about x, then y, then z")
    double[] rotation;

    @Option(names = "--color", paramLabel = "#RRGGBB", description = "colour of points without their own (default #FFFFFF)")
    String color = "#FFFFFF";

    @Option(names = "--drones", paramLabel = "N", description = "total drones: the ones beyond --count wait dark in a reserve block behind")
    Integer drones;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (same seed, same points)")
    long seed = Formations.DEFAULT_SEED;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV to write: x,y,z,r,g,b per point, lit first")
    Path out;

    @Option(names = "--png", paramLabel = "FILE.png", description = "also write a picture of the points as the audience sees them")
    Path png;

    @Option(names = "--png-size", paramLabel = "PX", description = "longer side of the picture in pixels (default 1200)")
    int pngSize = 1200;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter outW = spec.commandLine().getOut();
        if (count < 1) {
            throw new InputException(null, "--count", "--count must be at least 1, not " + count, "for example --count 500");
        }
        int total = drones == null ? count : drones;
        if (total < count) {
            throw new InputException(null, "--drones", "--drones " + total + " is fewer than --count " + count,
                    "give at least as many drones as lit points, or leave --drones out");
        }
        if (!(minSpacing > 0) || Double.isInfinite(minSpacing)) {
            throw new InputException(null, "--min-spacing", "--min-spacing must be a positive number of metres",
                    "for example --min-spacing 2.12");
        }
        if (pngSize < 16 || pngSize > 16384) {
            throw new InputException(null, "--png-size", "--png-size must be 16..16384 pixels", "for example --png-size 1200");
        }
        int rgb = parseColor(color);
        Path input = inputFile();
        AtomicFiles.requireNotAnInput(out, input);
        if (png != null) {
            AtomicFiles.requireNotAnInput(png, input, out);
        }
        for (Path p : png == null ? new Path[] {out} : new Path[] {out, png}) {
            if (Files.isDirectory(p)) {
                throw new InputException(p.toString(), p == out ? "--out" : "--png", "is a folder, not a file name",
                        "give the file to write, e.g. " + p.resolve(p == out ? "points.csv" : "points.png"));
            }
        }
        FormationSpec fs = spec();
        Placement placement = new Placement(center, plane, rotation);
        long t0 = System.nanoTime();
        FormationResult r;
        try {
            Formations.checkPlacement(placement);
            r = Formations.sampleReport(fs, placement, rgb, total, minSpacing, Path.of(""), seed);
        } catch (InputException e) {
            throw asOption(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Targets t = r.targets();
        AtomicFiles.write(out, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            w.write(csv(t));
            w.flush();
        });
        if (png != null) {
            TargetsImage.writePng(t, png, pngSize, total > count);
        }
        double[] b = extent(t);
        outW.printf(Locale.ROOT, "%s%n", r.shape().describe());
        outW.printf(Locale.ROOT, "%d points%s in %.2f s; min spacing %s m (required %.3f m; ideal for the shape %s)%n",
                count, total > count ? " + " + (total - count) + " dark reserve" : "", seconds,
                count > 1 ? String.format(Locale.ROOT, "%.3f", r.litMinSpacing()) : "n/a", minSpacing,
                Double.isNaN(r.idealSpacing()) ? "n/a" : String.format(Locale.ROOT, "%.3f m", r.idealSpacing()));
        if (total > count) {
            outW.printf(Locale.ROOT, "min spacing with the reserve %.3f m%n", r.minSpacing());
        }
        outW.printf(Locale.ROOT, "extent x %.1f..%.1f, y %.1f..%.1f, z %.1f..%.1f m%n", b[0], b[3], b[1], b[4], b[2], b[5]);
        outW.printf("wrote %s%s%n", out, png != null ? " and " + png : "");
        if (b[2] < 0) {
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "note: points reach z = %.1f m, below the ground; raise the formation with --center x,y,z%n", b[2]);
        }
        outW.flush();
        return 0;
    }

    private Path inputFile() {
        return source.image != null ? source.image : source.svg != null ? source.svg
                : source.mesh != null ? source.mesh : source.points;
    }

    /** The formation as a show file would write it. */
    FormationSpec spec() {
        String type;
        String file = null;
        if (source.text != null) {
            type = "text";
        } else if (source.image != null) {
            type = "image";
            file = source.image.toString();
        } else if (source.svg != null) {
            type = "svg";
            file = source.svg.toString();
        } else if (source.mesh != null) {
            type = "mesh";
            file = source.mesh.toString();
        } else if (source.points != null) {
            type = "points";
            file = source.points.toString();
        } else {
            type = "shape";
        }
        String text = source.text == null ? null : source.text.replace("\\n", "\n");
        return new FormationSpec(type, text, font, height, width, file, source.shape, size, turns, mode, threshold, scale, count);
    }

    /** The formation's error, located at the command-line option that caused it. */
    private InputException asOption(InputException e) {
        String p = e.path();
        String option;
        if (p == null) {
            option = null;
        } else if (p.equals("file")) {
            option = source.image != null ? "--image" : source.svg != null ? "--svg" : source.mesh != null ? "--mesh" : "--points";
        } else if (p.equals("type")) {
            option = null;
        } else if (p.equals("center") || p.equals("plane") || p.equals("rotation") || p.equals("text") || p.equals("shape")
                || p.equals("font") || p.equals("height") || p.equals("width") || p.equals("size") || p.equals("turns")
                || p.equals("mode") || p.equals("threshold") || p.equals("scale") || p.equals("count")) {
            option = "--" + p;
        } else {
            option = p;
        }
        InputException mapped = new InputException(e.file(), option, e.line(), e.column(), e.getMessage(), e.hint());
        mapped.setStackTrace(e.getStackTrace());
        return mapped;
    }

    static int parseColor(String s) {
        String t = s.strip();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (t.matches("[0-9a-fA-F]{6}")) {
            return Integer.parseInt(t, 16);
        }
        throw new InputException(null, "--color", "'" + s + "' is not a colour #RRGGBB", "for example --color \"#ffcc33\"");
    }

    /** x,y,z,r,g,b rows, lit points first; micrometre precision so spacing survives the round trip. */
    static String csv(Targets t) {
        StringBuilder sb = new StringBuilder(t.size() * 48);
        sb.append("x,y,z,r,g,b\n");
        for (int i = 0; i < t.size(); i++) {
            int c = t.rgb()[i];
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%d,%d,%d\n", t.x()[i], t.y()[i], t.z()[i],
                    (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
        }
        return sb.toString();
    }

    private static double[] extent(Targets t) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < t.size(); i++) {
            b[0] = Math.min(b[0], t.x()[i]);
            b[1] = Math.min(b[1], t.y()[i]);
            b[2] = Math.min(b[2], t.z()[i]);
            b[3] = Math.max(b[3], t.x()[i]);
            b[4] = Math.max(b[4], t.y()[i]);
            b[5] = Math.max(b[5], t.z()[i]);
        }
        return b;
    }
}
