package dev.starling.show;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starling.InputException;
import dev.starling.base.Images;
import dev.starling.light.effect.Blend;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.Ramp;
import dev.starling.light.effect.Tempo;
import dev.starling.light.effect.Timing;
import dev.starling.light.effect.TransitionLights;
import dev.starling.light.effect.VideoFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a scene's {@code "effects"} list and its {@code "transitionLights"} (see
 * docs/show-format.md, "Light effects"): every field checked, assets decoded once, errors with
 * the JSON path, line and a hint, like the rest of {@link ShowValidator}.
 */
final class EffectsReader {
    /** Effect types, in the order the manual lists them. */
    static final List<String> TYPES = List.of("solid", "gradient", "sweep", "image", "video", "pulse", "sparkle",
            "keyframes");
    /** Fields every effect reads. */
    static final List<String> COMMON = List.of("type", "start", "end", "duration", "fadeIn", "fadeOut", "opacity",
            "blend");
    /** Fields each type reads besides the common ones. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "solid", List.of("color"),
            "gradient", List.of("colors", "stops", "axis", "radial", "center", "radius"),
            "sweep", List.of("colors", "stops", "axis", "period", "wavelength"),
            "image", List.of("file", "view"),
            "video", List.of("file", "view", "loop", "fps"),
            "pulse", List.of("rate", "low", "width", "shape"),
            "sparkle", List.of("color", "seed", "rate", "length"),
            "keyframes", List.of("file", "step"));
    static final List<String> VIEWS = List.of("front", "top", "side");
    static final List<String> AXES = List.of("x", "y", "z", "-x", "-y", "-z");
    static final List<String> SHAPES = List.of("decay", "square");
    /** Most keyframe rows read from one CSV. */
    static final int MAX_KEYFRAMES = 5_000_000;
    /** Most effects on one scene. */
    static final int MAX_EFFECTS = 64;

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /** Resolves a cue ({@code "chorus"}, {@code "bar:33"}) at a JSON path to show seconds. */
    interface Cues {
        double resolve(String written, String path);
    }

    /**
     * Checks an asset by the validator's own rule (it exists and lies inside the show's asset
     * folders), at a JSON path, and returns its resolved path.
     */
    interface Assets {
        Path check(String file, String path);
    }

    private final JsonSource src;
    private final int drones;
    private final Timeline timeline;
    private final Cues cues;
    private final Assets assets;

    EffectsReader(JsonSource src, int drones, Timeline timeline, Cues cues, Assets assets) {
        this.src = src;
        this.drones = drones;
        this.timeline = timeline;
        this.cues = cues;
        this.assets = assets;
    }

    List<Effect> effects(JsonNode list, String p) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw src.error(p, "\"effects\" is a list of effect objects",
                    "write \"effects\": [{\"type\": \"gradient\", \"axis\": \"x\", \"colors\": [\"#FF0000\", \"#0000FF\"]}]");
        }
        if (list.size() > MAX_EFFECTS) {
            throw src.error(p, "a scene has " + list.size() + " effects, more than the " + MAX_EFFECTS + " allowed",
                    "split the scene, or combine effects");
        }
        List<Effect> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(effect(list.get(i), JsonSource.element(p, i)));
        }
        return out;
    }

    TransitionLights transition(String mode, Double level, String p) {
        if (mode == null) {
            if (level != null) {
                throw src.error(p + ".dimLevel", "\"dimLevel\" applies only with \"transitionLights\": \"dim\"",
                        "add \"transitionLights\": \"dim\", or delete \"dimLevel\"");
            }
            return TransitionLights.CROSSFADE;
        }
        int k = TransitionLights.NAMES.indexOf(mode);
        if (k < 0) {
            throw src.error(p + ".transitionLights", "unknown transitionLights \"" + mode + "\"",
                    Suggestions.hint(mode, TransitionLights.NAMES, "the choices (crossfade fades old to new colours, "
                            + "keep holds the old ones until arrival, dim fades down and up again)"));
        }
        TransitionLights.Mode m = TransitionLights.Mode.values()[k];
        if (level != null && m != TransitionLights.Mode.DIM) {
            throw src.error(p + ".dimLevel", "\"dimLevel\" applies only with \"transitionLights\": \"dim\"",
                    "delete \"dimLevel\", or use \"transitionLights\": \"dim\"");
        }
        double lv = level == null ? TransitionLights.DEFAULT_DIM_LEVEL : fraction(level, p + ".dimLevel", "0.2");
        return new TransitionLights(m, m == TransitionLights.Mode.DIM ? lv : 1);
    }

    private Effect effect(JsonNode e, String p) {
        if (e == null || !e.isObject()) {
            throw src.error(p, "an effect is an object with a \"type\"",
                    "e.g. {\"type\": \"solid\", \"color\": \"#FFB400\"}");
        }
        JsonNode t = e.get("type");
        if (t == null || !t.isTextual()) {
            throw src.error(t == null ? p : p + ".type", t == null ? "missing required field \"type\"" : "\"type\" is a name",
                    "\"type\": one of " + String.join(", ", TYPES));
        }
        String type = t.asText();
        if (!TYPES.contains(type)) {
            throw src.error(p + ".type", "unknown effect type \"" + type + "\"", Suggestions.hint(type, TYPES, "effect types"));
        }
        List<String> own = FIELDS.get(type);
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!COMMON.contains(f) && !own.contains(f)) {
                List<String> all = new ArrayList<>(COMMON);
                all.addAll(own);
                throw src.error(JsonSource.child(p, f), "\"" + f + "\" does not apply to a " + type + " effect",
                        Suggestions.hint(f, all, "a " + type + " effect reads"));
            }
        }
        Timing timing = timing(e, p, type.equals("pulse") ? Blend.MULTIPLY : Blend.NORMAL);
        return switch (type) {
            case "solid" -> new Effect.Solid(timing, color(e.get("color"), p + ".color", true));
            case "gradient" -> {
                Ramp ramp = ramp(e, p);
                boolean radial = bool(e, "radial", p, false);
                if (!radial && (e.has("center") || e.has("radius"))) {
                    String f = e.has("center") ? "center" : "radius";
                    throw src.error(p + "." + f, "\"" + f + "\" applies to a radial gradient",
                            "add \"radial\": true, or delete \"" + f + "\"");
                }
                if (radial && e.has("axis")) {
                    throw src.error(p + ".axis", "a radial gradient has a centre, not an axis",
                            "delete \"axis\", or \"radial\": true for a linear gradient along it");
                }
                double[] center = e.has("center") ? point(e.get("center"), p + ".center") : null;
                double radius = e.has("radius") ? positive(e.get("radius"), p + ".radius", "60 (metres)") : Double.NaN;
                yield new Effect.Gradient(timing, ramp, radial ? new Effect.Axis(1, 0, 0, "x") : axis(e.get("axis"), p),
                        radial, center, radius);
            }
            case "sweep" -> new Effect.Sweep(timing, ramp(e, p), axis(e.get("axis"), p),
                    tempo(e.get("period"), p + ".period", true, new Tempo(Tempo.Kind.BAR, 0)),
                    e.has("wavelength") ? positive(e.get("wavelength"), p + ".wavelength", "80 (metres)") : Double.NaN);
            case "image" -> {
                String file = file(e, p);
                Path path = assets.check(file, p + ".file");
                BufferedImage img;
                try {
                    img = Images.read(path);
                } catch (InputException x) {
                    throw src.error(p + ".file", x.getMessage(), x.hint());
                }
                int w = img.getWidth(), h = img.getHeight();
                yield new Effect.Image(timing, file, new Effect.Picture(w, h, img.getRGB(0, 0, w, h, null, 0, w)),
                        view(e, p));
            }
            case "video" -> {
                String file = file(e, p);
                Path path = assets.check(file, p + ".file");
                double fps = e.has("fps") ? positive(e.get("fps"), p + ".fps", "25") : VideoFrames.DEFAULT_FPS;
                if (fps > VideoFrames.MAX_FPS) {
                    throw src.error(p + ".fps", "fps " + fmt(fps) + " is above " + fmt(VideoFrames.MAX_FPS)
                            + ", the light clock's 50 ticks per second", "use at most 50, e.g. 25");
                }
                Effect.Frames frames;
                try {
                    frames = VideoFrames.decode(path, fps);
                } catch (InputException x) {
                    throw src.error(p + ".file", x.getMessage(), x.hint());
                }
                yield new Effect.Video(timing, file, frames, view(e, p), bool(e, "loop", p, false));
            }
            case "pulse" -> {
                Tempo rate = tempo(e.get("rate"), p + ".rate", false, new Tempo(Tempo.Kind.BEAT, 0));
                double low = e.has("low") ? fraction(number(e.get("low"), p + ".low"), p + ".low", "0.2") : 0.2;
                double width = e.has("width") ? fraction(number(e.get("width"), p + ".width"), p + ".width", "0.5") : 0.5;
                if (width == 0) {
                    throw src.error(p + ".width", "width is the part of each period the pulse lasts, more than 0",
                            "e.g. 0.5 for half the period");
                }
                String shape = "decay";
                if (e.has("shape")) {
                    shape = e.get("shape").asText();
                    if (!SHAPES.contains(shape)) {
                        throw src.error(p + ".shape", "unknown pulse shape \"" + shape + "\"",
                                Suggestions.hint(shape, SHAPES, "shapes (decay: jump up and fade, square: on/off)"));
                    }
                }
                yield new Effect.Pulse(timing, rate, low, width, shape);
            }
            case "sparkle" -> {
                int c = e.has("color") ? color(e.get("color"), p + ".color", true) : 0xFFFFFF;
                long seed = 1;
                if (e.has("seed")) {
                    if (!e.get("seed").canConvertToLong() || !e.get("seed").isIntegralNumber()) {
                        throw src.error(p + ".seed", "a seed is a whole number", "e.g. \"seed\": 7");
                    }
                    seed = e.get("seed").asLong();
                }
                double rate = e.has("rate") ? positive(e.get("rate"), p + ".rate", "0.5 (twinkles per second)") : 0.5;
                double length = e.has("length") ? positive(e.get("length"), p + ".length", "0.4 (seconds)") : 0.4;
                if (rate > 10) {
                    throw src.error(p + ".rate", "a sparkle rate of " + fmt(rate) + " twinkles per second per drone "
                            + "is a strobe", "use at most 10; 0.2 to 2 look like twinkling");
                }
                if (length < 0.04) {
                    throw src.error(p + ".length", "a twinkle of " + fmt(length) + " s is shorter than two 20 ms ticks",
                            "use at least 0.04 s; 0.2 to 0.6 look like twinkling");
                }
                yield new Effect.Sparkle(timing, c, seed, rate, length);
            }
            case "keyframes" -> {
                String file = file(e, p);
                yield new Effect.Keyframes(timing, file, keyframes(assets.check(file, p + ".file"), file, p + ".file"),
                        bool(e, "step", p, false));
            }
            default -> throw new IllegalStateException(type);
        };
    }

    private Timing timing(JsonNode e, String p, Blend defaultBlend) {
        Timing.TimeRef start = time(e.get("start"), p + ".start");
        Timing.TimeRef end = time(e.get("end"), p + ".end");
        double duration = Double.NaN;
        if (e.has("duration")) {
            if (end != null) {
                throw src.error(p + ".duration", "an effect gives \"end\" or \"duration\", not both",
                        "keep \"duration\" (seconds) or \"end\" (a time or cue)");
            }
            duration = positive(e.get("duration"), p + ".duration", "4 (seconds)");
        }
        if (start != null && end != null && start.absolute() == end.absolute() && !(end.seconds() > start.seconds())) {
            throw src.error(p + ".end", "the effect ends (" + end.written() + ") before it starts (" + start.written() + ")",
                    "give an end after the start, or a \"duration\"");
        }
        double fadeIn = e.has("fadeIn") ? nonNegative(e.get("fadeIn"), p + ".fadeIn") : 0;
        double fadeOut = e.has("fadeOut") ? nonNegative(e.get("fadeOut"), p + ".fadeOut") : 0;
        double opacity = e.has("opacity") ? fraction(number(e.get("opacity"), p + ".opacity"), p + ".opacity", "0.5") : 1;
        Blend blend = defaultBlend;
        if (e.has("blend")) {
            String b = e.get("blend").asText();
            int k = Blend.NAMES.indexOf(b);
            if (k < 0 || !e.get("blend").isTextual()) {
                throw src.error(p + ".blend", "unknown blend \"" + b + "\"", Suggestions.hint(b, Blend.NAMES, "blend modes"));
            }
            blend = Blend.values()[k];
        }
        return new Timing(start, end, duration, fadeIn, fadeOut, opacity, blend);
    }

    /** Seconds from the hold's start, or a cue. */
    private Timing.TimeRef time(JsonNode v, String p) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            double s = v.asDouble();
            if (!(s >= 0) || s > ShowValidator.MAX_MAGNITUDE) {
                throw src.error(p, "a time in seconds from the hold's start is 0 or more, was " + fmt(s),
                        "give seconds from the hold's start (1.5) or a cue (\"chorus\", \"bar:33\")");
            }
            return new Timing.TimeRef(s, false, v.asText());
        }
        if (v.isTextual()) {
            String w = v.asText().strip();
            return new Timing.TimeRef(cues.resolve(w, p), true, w);
        }
        throw src.error(p, "expected a time", "give seconds from the hold's start (1.5) or a cue (\"chorus\", \"bar:33\")");
    }

    private Tempo tempo(JsonNode v, String p, boolean period, Tempo dflt) {
        if (v == null) {
            requireBeats(dflt, p);
            return dflt;
        }
        String example = period ? "seconds per wavelength (2.5), \"beat\" or \"bar\""
                : "flashes per second (2), \"beat\" or \"bar\"";
        if (v.isNumber()) {
            double x = v.asDouble();
            if (!(x > 0) || x > 1000) {
                throw src.error(p, "must be greater than 0" + (period ? " s" : " Hz") + ", was " + fmt(x), "give " + example);
            }
            return Tempo.every(period ? x : 1 / x);
        }
        if (v.isTextual() && (v.asText().equals("beat") || v.asText().equals("bar"))) {
            Tempo t = new Tempo(v.asText().equals("beat") ? Tempo.Kind.BEAT : Tempo.Kind.BAR, 0);
            requireBeats(t, p);
            return t;
        }
        throw src.error(p, "expected " + example + ", found " + v, "give " + example);
    }

    private void requireBeats(Tempo t, String p) {
        if (t.kind() != Tempo.Kind.SECONDS && timeline.beats() == null) {
            throw src.error(p, "the effect follows the " + t.written() + " and the show has no beat grid",
                    "add \"cues\": {\"bpm\": 96, \"offset\": 0.0} (the music's tempo), or give a number of "
                            + (p.endsWith("period") ? "seconds" : "flashes per second"));
        }
    }

    private Ramp ramp(JsonNode e, String p) {
        JsonNode c = e.get("colors");
        if (c == null) {
            throw src.error(p, "missing required field \"colors\"", "add \"colors\": [\"#FF0000\", \"#0000FF\"]");
        }
        if (!c.isArray() || c.size() == 0 || c.size() > 64) {
            throw src.error(p + ".colors", "\"colors\" is a list of 1 to 64 colours",
                    "write e.g. [\"#FF0000\", \"#FFFFFF\", \"#0000FF\"]");
        }
        int[] colors = new int[c.size()];
        for (int k = 0; k < colors.length; k++) {
            colors[k] = color(c.get(k), JsonSource.element(p + ".colors", k), true);
        }
        JsonNode s = e.get("stops");
        if (s == null) {
            return Ramp.even(colors);
        }
        if (!s.isArray() || s.size() != colors.length) {
            throw src.error(p + ".stops", "\"stops\" gives one position from 0 to 1 per colour (" + colors.length + ")",
                    "write e.g. [0, 0.3, 1], or delete \"stops\" to spread the colours evenly");
        }
        double[] pos = new double[colors.length];
        for (int k = 0; k < pos.length; k++) {
            String q = JsonSource.element(p + ".stops", k);
            pos[k] = fraction(number(s.get(k), q), q, "0.5");
            if (k > 0 && pos[k] < pos[k - 1]) {
                throw src.error(q, "stop " + fmt(pos[k]) + " comes before the previous one (" + fmt(pos[k - 1]) + ")",
                        "list stops in increasing order");
            }
        }
        return new Ramp(pos, colors);
    }

    private Effect.Axis axis(JsonNode v, String p) {
        if (v == null) {
            return new Effect.Axis(1, 0, 0, "x");
        }
        if (v.isTextual()) {
            String a = v.asText();
            int k = AXES.indexOf(a);
            if (k < 0) {
                throw src.error(p + ".axis", "unknown axis \"" + a + "\"",
                        Suggestions.hint(a, AXES, "axes (x to the audience's right, y away from it, z up; or [x, y, z])"));
            }
            double sign = k >= 3 ? -1 : 1;
            int d = k % 3;
            return new Effect.Axis(d == 0 ? sign : 0, d == 1 ? sign : 0, d == 2 ? sign : 0, a);
        }
        double[] v3 = point(v, p + ".axis");
        if (v3[0] == 0 && v3[1] == 0 && v3[2] == 0) {
            throw src.error(p + ".axis", "the axis [0, 0, 0] has no direction", "e.g. [1, 0, 1] for a diagonal rising to the right");
        }
        return new Effect.Axis(v3[0], v3[1], v3[2], v.toString());
    }

    private double[] point(JsonNode v, String p) {
        if (v == null || !v.isArray() || v.size() != 3) {
            throw src.error(p, "expected [x, y, z] in metres", "e.g. [0, 20, 100]");
        }
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            out[k] = number(v.get(k), JsonSource.element(p, k));
            if (Math.abs(out[k]) > ShowValidator.MAX_MAGNITUDE) {
                throw src.error(JsonSource.element(p, k), "is beyond reach", "metres from the origin, a few hundred at most");
            }
        }
        return out;
    }

    private String view(JsonNode e, String p) {
        if (!e.has("view")) {
            return "front";
        }
        String v = e.get("view").asText();
        if (!VIEWS.contains(v)) {
            throw src.error(p + ".view", "unknown view \"" + v + "\"",
                    Suggestions.hint(v, VIEWS, "views (front: as the audience sees it, top: from above, side: from the right)"));
        }
        return v;
    }

    private String file(JsonNode e, String p) {
        JsonNode f = e.get("file");
        if (f == null || !f.isTextual()) {
            throw src.error(f == null ? p : p + ".file", f == null ? "missing required field \"file\"" : "\"file\" is a path",
                    "add \"file\": \"assets/picture.png\" (relative to the show file)");
        }
        return f.asText();
    }

    private int color(JsonNode v, String p, boolean required) {
        if (v == null) {
            throw src.error(p, "missing required field \"" + p.substring(p.lastIndexOf('.') + 1) + "\"",
                    "add e.g. \"#FFB400\" (amber)");
        }
        String s = v.asText();
        if (!v.isTextual() || !COLOR.matcher(s).matches()) {
            throw src.error(p, "colour \"" + s + "\" is not of the form #RRGGBB",
                    "write # and six hex digits, e.g. \"#FFB400\" for amber");
        }
        return Integer.parseInt(s.substring(1), 16);
    }

    private boolean bool(JsonNode e, String f, String p, boolean dflt) {
        JsonNode v = e.get(f);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw src.error(p + "." + f, "\"" + f + "\" is true or false", "write \"" + f + "\": true");
        }
        return v.asBoolean();
    }

    private double number(JsonNode v, String p) {
        if (v == null || !v.isNumber()) {
            throw src.error(p, "expected a number" + (v == null ? "" : ", found " + v), "write a plain number, e.g. 0.5");
        }
        return v.asDouble();
    }

    private double positive(JsonNode v, String p, String example) {
        double x = number(v, p);
        if (!(x > 0) || x > ShowValidator.MAX_MAGNITUDE) {
            throw src.error(p, "must be greater than 0 and realistic, was " + fmt(x), "e.g. " + example);
        }
        return x;
    }

    private double nonNegative(JsonNode v, String p) {
        double x = number(v, p);
        if (!(x >= 0) || x > ShowValidator.MAX_MAGNITUDE) {
            throw src.error(p, "must be 0 or more seconds, was " + fmt(x), "e.g. 0.5");
        }
        return x;
    }

    private double fraction(double x, String p, String example) {
        if (!(x >= 0 && x <= 1)) {
            throw src.error(p, "must be from 0 to 1, was " + fmt(x), "e.g. " + example);
        }
        return x;
    }

    /**
     * A keyframe CSV: rows {@code t,id,r,g,b} (an optional header row), t seconds from the
     * effect's start, id the drone's number from 1, channels 0–255. Rows may come in any order;
     * two rows for one drone at the same time are refused.
     */
    private Effect.DroneKeys keyframes(Path file, String written, String p) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw src.error(p, "cannot read keyframe file " + written + ": " + e.getMessage(),
                    "a keyframe file is UTF-8 text with rows t,id,r,g,b");
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*,\\s*");
            if (rows.isEmpty() && f.length == 5 && f[0].equalsIgnoreCase("t")) {
                continue; // header
            }
            String where = written + " line " + (ln + 1);
            if (f.length != 5) {
                throw src.error(p, where + ": expected 5 values t,id,r,g,b, found " + f.length,
                        "write one keyframe per row, e.g. 1.5,17,255,180,0");
            }
            double[] r = new double[6];
            for (int k = 0; k < 5; k++) {
                try {
                    r[k] = Double.parseDouble(f[k]);
                } catch (NumberFormatException x) {
                    throw src.error(p, where + ": \"" + f[k] + "\" is not a number",
                            "write t (seconds), id (drone number from 1) and r,g,b (0-255) as plain numbers");
                }
            }
            if (!(r[0] >= 0) || r[0] > ShowValidator.MAX_MAGNITUDE) {
                throw src.error(p, where + ": time " + f[0] + " is not 0 or more seconds",
                        "t counts seconds from the effect's start");
            }
            if (r[1] != Math.rint(r[1]) || r[1] < 1 || r[1] > drones) {
                throw src.error(p, where + ": drone id " + f[1] + " is not in the fleet (1 to " + drones + ")",
                        "ids are drone numbers from 1 to \"drones\" (" + drones + ")");
            }
            for (int k = 2; k < 5; k++) {
                if (r[k] != Math.rint(r[k]) || r[k] < 0 || r[k] > 255) {
                    throw src.error(p, where + ": colour value " + f[k] + " is outside 0-255",
                            "r, g and b are whole numbers from 0 to 255");
                }
            }
            r[5] = ln + 1;
            rows.add(r);
            if (rows.size() > MAX_KEYFRAMES) {
                throw src.error(p, written + " has more than " + MAX_KEYFRAMES + " keyframes",
                        "thin the keyframes: the light clock has 50 ticks per second");
            }
        }
        if (rows.isEmpty()) {
            throw src.error(p, written + " has no keyframes", "add rows t,id,r,g,b, e.g. 0,1,255,0,0");
        }
        double[][] a = rows.toArray(new double[0][]);
        Arrays.sort(a, (x, y) -> x[1] != y[1] ? Double.compare(x[1], y[1]) : x[0] != y[0] ? Double.compare(x[0], y[0])
                : Double.compare(x[5], y[5]));
        int[] first = new int[drones + 1];
        double[] t = new double[a.length];
        int[] rgb = new int[a.length];
        for (int k = 0; k < a.length; k++) {
            if (k > 0 && a[k][1] == a[k - 1][1] && a[k][0] == a[k - 1][0]) {
                throw src.error(p, written + " lines " + (int) a[k - 1][5] + " and " + (int) a[k][5]
                        + ": two keyframes for drone " + (int) a[k][1] + " at t = " + fmt(a[k][0]) + " s overlap",
                        "give each drone one keyframe per time; delete or move one of them");
            }
            t[k] = a[k][0];
            rgb[k] = ((int) a[k][2] << 16) | ((int) a[k][3] << 8) | (int) a[k][4];
            first[(int) a[k][1]]++;
        }
        for (int i = 0, acc = 0; i <= drones; i++) {
            int c = first[i];
            first[i] = acc;
            acc += c;
        }
        // first[id] counted drone id (1-based); shift to 0-based starts
        int[] starts = new int[drones + 1];
        System.arraycopy(first, 1, starts, 0, drones);
        starts[drones] = a.length;
        return new Effect.DroneKeys(starts, t, rgb);
    }

    static String fmt(double v) {
        return ShowValidator.fmt(v);
    }
}
