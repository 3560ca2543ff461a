package dev.starling.show;

import dev.starling.audio.BeatGrid;
import dev.starling.base.Numbers;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.starling.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The semantic checks of a show file, after Jackson has bound it to {@link ShowFile}: required
 * fields, ranges, limits that make sense together, formation fields per type, asset files that
 * exist, a takeoff grid and formation centres inside the geofence. Every error names the JSON
 * path, the line and column of the offending value (or of its enclosing object when the value is
 * missing) and how to fix it. The first error found is thrown, checking the file top to bottom.
 */
final class ShowValidator {
    /** Geofences with more vertices are refused: the self-intersection check is O(v²). */
    static final int MAX_GEOFENCE_VERTICES = 5000;
    /**
     * Longest name or text accepted, characters: laying out a text formation costs time and memory
     * in its length (10,000 characters take 20 s; 10 MB ran out of memory), and no fleet lights
     * more than a few thousand characters legibly.
     */
    static final int MAX_TEXT_LENGTH = 2000;
    /**
     * Smallest {@code limits.minSeparation} accepted, metres: no show flies drones closer than
     * 10 cm, and verification time grows as 1/minSeparation (1e-6 m ran for minutes on 64 drones).
     */
    static final double MIN_SEPARATION_FLOOR = 0.1;
    /**
     * Largest size, speed, duration or factor accepted: no show value reaches a million metres,
     * seconds or m/s, and beyond about 1e154 squares overflow (a heart of size 1e308 had "no area").
     */
    static final double MAX_MAGNITUDE = 1e6;
    /** Colour of lit points when a scene gives none: white. */
    static final int DEFAULT_COLOR = 0xFFFFFF;
    /** Planes a 2D formation can be drawn in. */
    static final List<String> PLANES = List.of("xz", "yz", "xy");

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /** Which formation fields each type reads, besides {@code type} and {@code count}. */
    private static final Map<String, List<String>> FIELDS_BY_TYPE = Map.of(
            "text", List.of("text", "height", "font", "mode"),
            "image", List.of("file", "width", "height", "threshold"),
            "svg", List.of("file", "width", "height", "mode"),
            "mesh", List.of("file", "size"),
            "points", List.of("file", "scale"),
            "shape", List.of("shape", "size", "height", "turns", "mode"),
            "frames", List.of("file", "fps"));
    /** Which optional fields each parametric shape reads, besides {@code size}. */
    private static final Map<String, List<String>> FIELDS_BY_SHAPE = Map.of(
            "sphere", List.of(),
            "torus", List.of("height"),
            "ring", List.of("height"),
            "helix", List.of("height", "turns"),
            "grid", List.of("height"),
            "heart", List.of("mode"));

    private final JsonSource src;
    private final Path baseDir;
    private final AssetRoots roots;

    ShowValidator(JsonSource src, AssetRoots roots) {
        this.src = src;
        this.baseDir = roots.showFolder();
        this.roots = roots;
    }

    /** Checks {@code f} (whose format and fleet size were checked before binding) and builds the show. */
    Show validate(ShowFile f) {
        String name = text(f.name(), "name", "\"name\": \"My show\" (a title for reports and exports)");
        int drones = f.drones().intValue();
        Limits limits = limits(f.limits());
        Takeoff takeoff = takeoff(f.takeoff(), drones, limits);
        List<ShowFile.SceneFile> raw = f.scenes();
        if (raw == null) {
            throw missing("scenes", "\"scenes\": [ { \"name\": ..., \"formation\": {...}, \"placement\": {...}, \"hold\": 15 } ]");
        }
        if (raw.isEmpty()) {
            throw src.error("scenes", "a show needs at least one scene", "add a scene object to the \"scenes\" array; see docs/show-format.md");
        }
        Timeline timeline = timeline(f);
        List<Scene> scenes = new ArrayList<>(raw.size());
        Map<String, Integer> names = new HashMap<>();
        double lastPin = Double.NEGATIVE_INFINITY;
        String lastPinWhere = null;
        for (int i = 0; i < raw.size(); i++) {
            String p = JsonSource.element("scenes", i);
            Scene sc = scene(raw.get(i), p, drones, limits, timeline);
            Integer twin = names.putIfAbsent(sc.name(), i);
            if (twin != null) {
                throw src.error(p + ".name", "two scenes are named \"" + sc.name() + "\" (scenes[" + twin + "] and this one)",
                        "give each scene its own name: reports, cues and pins address scenes by name");
            }
            for (Pin pin : new Pin[] {sc.at(), sc.until()}) {
                if (pin == null) {
                    continue;
                }
                String where = p + (pin == sc.at() ? ".at" : ".until");
                if (!(pin.time() > lastPin)) {
                    String what = pin.written().matches("-?[0-9.eE+]+") ? fmt(pin.time()) + " s"
                            : pin.written() + " (" + fmt(pin.time()) + " s)";
                    throw src.error(where, "goes backwards in time: " + what + " is not after " + lastPinWhere
                            + " (" + fmt(lastPin) + " s)",
                            "pins must follow the scenes' order: each \"at\" after the previous scene's \"until\" "
                                    + "(or \"at\"), each \"until\" after its own \"at\"");
                }
                lastPin = pin.time();
                lastPinWhere = where;
            }
            scenes.add(sc);
        }
        boolean returnHome = false;
        if (f.landing() != null && f.landing().returnHome() != null) {
            returnHome = f.landing().returnHome();
        }
        return new Show(Show.FORMAT, name, drones, limits, takeoff, scenes, new Landing(returnHome), baseDir, src.file(),
                timeline, lightLimits(f.limits().lights()));
    }

    // ---------------------------------------------------------------- limits

    private Limits limits(ShowFile.LimitsFile l) {
        if (l == null) {
            throw missing("limits", "\"limits\": { \"minSeparation\": 1.5, \"maxSpeedXY\": 8, \"maxSpeedUp\": 4, "
                    + "\"maxSpeedDown\": 3, \"maxAcceleration\": 4, \"minAltitude\": 20, \"maxAltitude\": 180 }");
        }
        double minSep = positive(l.minSeparation(), "limits.minSeparation", "m",
                "\"minSeparation\": 1.5 (metres: the closest two airborne drones may come; 1.5 to 3 is usual outdoors)");
        if (minSep < MIN_SEPARATION_FLOOR) {
            throw src.error("limits.minSeparation", "must be at least " + fmt(MIN_SEPARATION_FLOOR) + " m, was " + fmt(minSep),
                    "use the real safety distance of your drones, e.g. \"minSeparation\": 1.5 (1.5 to 3 is usual outdoors)");
        }
        double vxy = positive(l.maxSpeedXY(), "limits.maxSpeedXY", "m/s", "\"maxSpeedXY\": 8 (m/s, horizontal)");
        double vUp = positive(l.maxSpeedUp(), "limits.maxSpeedUp", "m/s", "\"maxSpeedUp\": 4 (m/s, climbing)");
        double vDown = positive(l.maxSpeedDown(), "limits.maxSpeedDown", "m/s", "\"maxSpeedDown\": 3 (m/s, descending)");
        double acc = positive(l.maxAcceleration(), "limits.maxAcceleration", "m/s²", "\"maxAcceleration\": 4 (m/s²)");
        double minAlt = number(l.minAltitude(), "limits.minAltitude",
                "\"minAltitude\": 20 (metres: the floor of the show volume)");
        if (minAlt < 0) {
            throw src.error("limits.minAltitude", "must be 0 or more (metres above the ground), was " + fmt(minAlt),
                    "altitudes count up from the takeoff ground: use e.g. 20");
        }
        double maxAlt = number(l.maxAltitude(), "limits.maxAltitude", "\"maxAltitude\": 180 (metres)");
        withinReach(maxAlt, "limits.maxAltitude");
        if (maxAlt <= minAlt) {
            throw src.error("limits.maxAltitude", "maxAltitude " + fmt(maxAlt) + " m must be above minAltitude "
                    + fmt(minAlt) + " m", "the formations fly between the two: e.g. minAltitude 20, maxAltitude 180");
        }
        double[][] fence = geofence(l.geofence());
        return new Limits(minSep, vxy, vUp, vDown, acc, minAlt, maxAlt, fence);
    }

    /** {@code limits.lights}: the bounds on the show's lights (defaults where not given). */
    private LightLimits lightLimits(ShowFile.LightLimitsFile l) {
        LightLimits d = LightLimits.DEFAULT;
        if (l == null) {
            return d;
        }
        String p = "limits.lights";
        double rate = d.maxFlashRate();
        if (l.maxFlashRate() != null) {
            rate = positive(l.maxFlashRate(), p + ".maxFlashRate", "Hz", "3 (flashes per second; the broadcast guideline)");
            if (rate > 50) {
                throw src.error(p + ".maxFlashRate", "a limit of " + fmt(rate) + " flashes per second is beyond the "
                        + "light clock's 50 ticks per second", "use at most 25; 3 is the photosensitivity guideline");
            }
        }
        double area = d.flashArea();
        if (l.flashArea() != null) {
            area = l.flashArea();
            if (!(area >= 0 && area < 1)) {
                throw src.error(p + ".flashArea", "flashArea is the fraction of the fleet that may flash faster, from 0 "
                        + "up to (not including) 1, was " + fmt(area), "0.2 allows a fifth of the fleet");
            }
        }
        double contrast = d.flashContrast();
        if (l.flashContrast() != null) {
            contrast = l.flashContrast();
            if (!(contrast > 0 && contrast <= 1)) {
                throw src.error(p + ".flashContrast", "flashContrast is a luminance swing above 0, at most 1, was "
                        + fmt(contrast), "0.2: a change of a fifth of full brightness counts");
            }
        }
        return new LightLimits(rate, area, contrast, l.darkOnGround() == null ? d.darkOnGround() : l.darkOnGround(),
                l.darkDuringTakeoff() == null ? d.darkDuringTakeoff() : l.darkDuringTakeoff());
    }

    private double[][] geofence(double[][] g) {
        String p = "limits.geofence";
        if (g == null) {
            return null;
        }
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].length != 2) {
                throw src.error(JsonSource.element(p, i), "a geofence vertex is [x, y] in metres"
                        + (g[i] == null ? ", this one is null" : ", this one has " + g[i].length + " numbers"),
                        "write each vertex as two numbers, e.g. [-150, -80]");
            }
        }
        for (int i = 0; i < g.length; i++) {
            withinReach(g[i][0], JsonSource.element(JsonSource.element(p, i), 0));
            withinReach(g[i][1], JsonSource.element(JsonSource.element(p, i), 1));
        }
        int n = g.length;
        // a ring written closed (last vertex repeats the first, as GeoJSON does) is accepted
        if (n >= 2 && g[0][0] == g[n - 1][0] && g[0][1] == g[n - 1][1]) {
            n--;
        }
        if (n < 3) {
            throw src.error(p, "a geofence needs at least 3 distinct vertices, this one has " + n,
                    "list the corners of the allowed area in order, e.g. [[-150,-80],[150,-80],[150,120],[-150,120]]");
        }
        if (n > MAX_GEOFENCE_VERTICES) {
            throw src.error(p, "the geofence has " + n + " vertices, more than the " + MAX_GEOFENCE_VERTICES + " allowed",
                    "simplify the polygon: a few dozen vertices describe any show area");
        }
        double[][] poly = new double[n][];
        for (int i = 0; i < n; i++) {
            poly[i] = g[i];
            if (i > 0 && g[i][0] == g[i - 1][0] && g[i][1] == g[i - 1][1]) {
                throw src.error(JsonSource.element(p, i), "vertex " + i + " repeats vertex " + (i - 1),
                        "delete the repeated vertex");
            }
        }
        int[] cross = Polygons.firstSelfIntersection(poly);
        if (cross != null) {
            throw src.error(JsonSource.element(p, cross[1]), "the geofence crosses itself: edge " + cross[0] + " ("
                    + pt(poly[cross[0]]) + " → " + pt(poly[(cross[0] + 1) % n]) + ") meets edge " + cross[1] + " ("
                    + pt(poly[cross[1]]) + " → " + pt(poly[(cross[1] + 1) % n]) + ")",
                    "list the vertices in order around the boundary (clockwise or counter-clockwise), without loops");
        }
        if (Polygons.doubleArea(poly) == 0) {
            throw src.error(p, "the geofence has no area: its vertices lie on one line",
                    "give the corners of an area, e.g. [[-150,-80],[150,-80],[150,120],[-150,120]]");
        }
        return poly;
    }

    // ---------------------------------------------------------------- takeoff

    private Takeoff takeoff(ShowFile.TakeoffFile t, int drones, Limits limits) {
        if (t == null) {
            throw missing("takeoff", "\"takeoff\": { \"spacing\": 2.5, \"columns\": 100, \"launchAltitude\": 20 }");
        }
        double spacing = positive(t.spacing(), "takeoff.spacing", "m", "\"spacing\": 2.5 (metres between pads)");
        double capt = Math.sqrt(2) * limits.minSeparation();
        if (spacing < limits.minSeparation()) {
            throw src.error("takeoff.spacing", "takeoff spacing " + fmt(spacing) + " m is less than limits.minSeparation "
                    + fmt(limits.minSeparation()) + " m: neighbouring drones would start too close",
                    "use a spacing of at least " + fmt(Math.ceil(capt * 100) / 100)
                            + " m (√2 · minSeparation, so the first transition keeps the CAPT guarantee)");
        }
        if (t.columns() == null) {
            throw missing("takeoff.columns", "\"columns\": 100 (pads per row; rows = ceil(drones / columns))");
        }
        int columns = t.columns();
        if (columns < 1) {
            throw src.error("takeoff.columns", "must be at least 1, was " + columns,
                    "pads per row of the takeoff grid, e.g. 100 for 5000 drones in 50 rows");
        }
        if (columns > drones) {
            throw src.error("takeoff.columns", columns + " columns is more than the " + drones + " drones of the fleet",
                    "use at most " + drones + " columns; about √drones (" + (int) Math.ceil(Math.sqrt(drones))
                            + ") makes a square grid");
        }
        double launch = number(t.launchAltitude(), "takeoff.launchAltitude",
                "\"launchAltitude\": 20 (metres: where the vertical takeoff climb ends)");
        if (launch < limits.minAltitude() || launch > limits.maxAltitude()) {
            throw src.error("takeoff.launchAltitude", "launchAltitude " + fmt(launch) + " m is outside the altitude band "
                    + fmt(limits.minAltitude()) + "–" + fmt(limits.maxAltitude()) + " m of limits",
                    "the takeoff climb ends inside the show volume: use a value from minAltitude to maxAltitude, e.g. "
                            + fmt(limits.minAltitude()));
        }
        if (launch < Limits.DEFAULT_GROUND_ALTITUDE) {
            throw src.error("takeoff.launchAltitude", "launchAltitude " + fmt(launch) + " m is below "
                    + fmt(Limits.DEFAULT_GROUND_ALTITUDE) + " m, where drones still count as on the ground",
                    "raise launchAltitude (and limits.minAltitude) to at least " + fmt(Limits.DEFAULT_GROUND_ALTITUDE) + " m");
        }
        Takeoff takeoff = new Takeoff(spacing, columns, launch);
        if (limits.hasGeofence()) {
            for (int i = 0; i < drones; i++) {
                double x = takeoff.padX(i), y = takeoff.padY(i, drones);
                if (!limits.insideGeofence(x, y)) {
                    int rows = takeoff.rows(drones);
                    throw src.error("takeoff", "the takeoff grid (" + columns + " × " + rows + " pads, "
                            + fmt((columns - 1) * spacing) + " m × " + fmt((rows - 1) * spacing)
                            + " m centred at the origin) leaves the geofence: pad " + i + " at " + pt(x, y) + " is outside",
                            "enlarge limits.geofence to contain the takeoff area, or use a smaller takeoff.spacing "
                                    + "or other takeoff.columns");
                }
            }
        }
        return takeoff;
    }

    // ---------------------------------------------------------------- scenes

    private Scene scene(ShowFile.SceneFile s, String p, int drones, Limits limits, Timeline timeline) {
        if (s == null) {
            throw src.error(p, "a scene is an object, this one is null",
                    "write { \"name\": ..., \"formation\": {...}, \"placement\": {...}, \"hold\": 15 } or delete it");
        }
        String name = text(s.name(), p + ".name", "\"name\": \"Opening\" (shown in reports and the HUD)");
        int color = color(s.color(), p + ".color", DEFAULT_COLOR);
        Pin at = pin(s.at(), p + ".at", timeline);
        List<Part> parts = List.of();
        FormationSpec formation;
        Placement placement;
        if (s.parts() != null) {
            parts = parts(s, p, drones, limits, color, at, timeline);
            formation = parts.get(0).formation();
            placement = parts.get(0).placement();
        } else {
            formation = formation(s.formation(), p + ".formation", drones);
            placement = placement(s.placement(), p + ".placement", limits);
        }
        Pin until = pin(s.until(), p + ".until", timeline);
        double hold = 0;
        if (until != null) {
            if (s.hold() != null) {
                throw src.error(p + ".hold", "a scene gives \"hold\" or \"until\", not both",
                        "keep \"until\" to end the hold on a cue, or \"hold\" for a length in seconds");
            }
        } else {
            hold = positive(s.hold(), p + ".hold", "s",
                    "\"hold\": 15 (seconds the formation is held), or \"until\": \"bar:41\" to end it on a cue");
        }
        Double transition = null;
        if (s.transition() != null && !s.transition().isNull()) {
            if (at != null) {
                throw src.error(p + ".transition", "a scene gives \"transition\" or \"at\", not both",
                        "\"at\" fixes when the formation is complete; the transition then takes the time up to it");
            }
            transition = transition(s.transition(), p + ".transition");
        }
        String faces = null;
        if (s.faces() != null) {
            faces = s.faces().strip();
            if (faces.isEmpty()) {
                throw src.error(p + ".faces", "faces is empty",
                        "name a viewpoint of the site (e.g. \"faces\": \"south-bank\"), write \"auto\", or leave it out");
            }
        }
        EffectsReader lights = new EffectsReader(src, drones, timeline,
                (w, path) -> address(w, path, timeline), this::asset);
        List<dev.starling.light.effect.Effect> effects = lights.effects(s.effects(), p + ".effects");
        dev.starling.light.effect.TransitionLights tl = lights.transition(s.transitionLights(), s.dimLevel(), p);
        if (faces != null && !parts.isEmpty()) {
            throw src.error(p + ".faces", "a scene of several parts cannot be turned by \"faces\"",
                    "delete \"faces\" and give each part's placement the rotation it needs");
        }
        Double knownHold = until == null ? Double.valueOf(hold)
                : at != null ? Double.valueOf(until.time() - at.time()) : null;
        Motion motion = motion(s.motion(), p + ".motion", at, timeline, limits, knownHold);
        for (int k = 0; k < parts.size(); k++) {
            Motion pm = parts.get(k).motion();
            if (pm != null) {
                endsInHold(pm, JsonSource.element(p + ".parts", k) + ".motion", knownHold);
            }
        }
        return new Scene(name, formation, placement, color, hold, transition, faces, at, until, effects, tl,
                motion, parts);
    }

    /** Most keys in one motion: more than a key per frame of a long hold is a frame sequence. */
    static final int MAX_MOTION_KEYS = 10_000;
    /** Largest scale factor a motion may give. */
    static final double MAX_SCALE = 100;
    private static final List<String> KEY_FIELDS = List.of("t", "center", "rotation", "scale", "ease");
    private static final List<String> STYLES = List.of("morph");

    /** {@code transition}: seconds, or {"duration": seconds, "style": "morph"}. */
    private double transition(JsonNode v, String p) {
        if (v.isNumber()) {
            return positive(v.asDouble(), p, "s", null);
        }
        if (!v.isObject()) {
            throw src.error(p, "\"transition\" is seconds or {\"duration\": 6, \"style\": \"morph\"}",
                    "write e.g. \"transition\": 6, or delete it to fly as fast as the limits allow");
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("duration") && !k.equals("style")) {
                throw src.error(JsonSource.child(p, k), "unknown field \"" + k + "\" in \"transition\"",
                        Suggestions.hint(k, List.of("duration", "style"), "the fields of \"transition\" are"));
            }
        }
        JsonNode d = v.get("duration");
        if (d == null || !d.isNumber()) {
            throw src.error(d == null ? p : p + ".duration", "a transition object needs \"duration\" in seconds",
                    "write e.g. {\"duration\": 6, \"style\": \"morph\"}");
        }
        JsonNode style = v.get("style");
        if (style != null && !(style.isTextual() && STYLES.contains(style.asText()))) {
            throw src.error(p + ".style", "unknown transition style " + style,
                    "\"morph\" flies every drone on its straight line at one shared pace, taking exactly \"duration\"");
        }
        return positive(d.asDouble(), p + ".duration", "s", null);
    }

    private int color(String c, String p, int fallback) {
        if (c == null) {
            return fallback;
        }
        if (!COLOR.matcher(c).matches()) {
            throw src.error(p, "colour \"" + c + "\" is not of the form #RRGGBB",
                    "write # and six hex digits, e.g. \"#FFB400\" for amber");
        }
        return Integer.parseInt(c.substring(1), 16);
    }

    /** {@code parts}: several formations, each with a count, a placement and optionally a motion. */
    private List<Part> parts(ShowFile.SceneFile s, String p, int drones, Limits limits, int color, Pin at,
                             Timeline timeline) {
        String pp = p + ".parts";
        if (s.formation() != null || s.placement() != null) {
            throw src.error(s.formation() != null ? p + ".formation" : p + ".placement",
                    "a scene gives \"formation\" and \"placement\", or \"parts\", not both",
                    "move the formation into \"parts\" as {\"formation\": {...}, \"placement\": {...}}");
        }
        if (s.parts().isEmpty()) {
            throw src.error(pp, "\"parts\" is empty", "list at least one {\"formation\": {...}, \"placement\": {...}}");
        }
        List<Part> out = new ArrayList<>();
        long lit = 0;
        for (int k = 0; k < s.parts().size(); k++) {
            String e = JsonSource.element(pp, k);
            ShowFile.PartFile f = s.parts().get(k);
            if (f == null) {
                throw src.error(e, "a part is an object, this one is null",
                        "write {\"formation\": {...}, \"placement\": {...}} or delete it");
            }
            FormationSpec spec = formation(f.formation(), e + ".formation", drones);
            if (spec.type().equals("frames")) {
                throw src.error(e + ".formation.type", "a part cannot be a frame sequence",
                        "give the animation a scene of its own");
            }
            if (spec.count() == null) {
                throw missing(e + ".formation.count", "\"count\": 400 (lit drones of this part; the parts share the fleet)");
            }
            lit += spec.count();
            if (lit > drones) {
                throw src.error(e + ".formation.count", "the parts light " + lit + " drones, more than the fleet's "
                        + drones, "lower the parts' counts so that they add up to at most " + drones);
            }
            Placement pl = placement(f.placement(), e + ".placement", limits);
            String name = f.name() == null ? "part " + k : text(f.name(), e + ".name", null);
            Motion m = motion(f.motion(), e + ".motion", at, timeline, limits, null);
            out.add(new Part(name, spec, pl, color(f.color(), e + ".color", color), m));
        }
        return out;
    }

    /**
     * A {@code motion}: keys {t, center, rotation, scale, ease}; t in seconds from the hold start, or a
     * cue (then the scene must have {@code at}). Refuses a motion that runs past a hold of known length.
     */
    private Motion motion(JsonNode v, String p, Pin at, Timeline timeline, Limits limits, Double knownHold) {
        if (v == null || v.isNull()) {
            return null;
        }
        String example = "[{\"t\": 0, \"center\": [-60, 20, 95]}, {\"t\": 8, \"center\": [60, 20, 95], \"ease\": \"inOut\"}]";
        if (!v.isArray() || v.isEmpty()) {
            throw src.error(p, "\"motion\" is a non-empty list of keys", "write e.g. " + example);
        }
        if (v.size() > MAX_MOTION_KEYS) {
            throw src.error(p, "a motion of " + v.size() + " keys is more than the " + MAX_MOTION_KEYS + " allowed",
                    "for animation drawn frame by frame, import it (a CSV frame sequence or glTF) instead");
        }
        List<Motion.Key> keys = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            String e = JsonSource.element(p, i);
            JsonNode k = v.get(i);
            if (!k.isObject()) {
                throw src.error(e, "a key is an object {\"t\": seconds, \"center\" / \"rotation\" / \"scale\": ...}",
                        "write e.g. {\"t\": 8, \"center\": [60, 20, 95], \"ease\": \"inOut\"}");
            }
            for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!KEY_FIELDS.contains(f)) {
                    throw src.error(JsonSource.child(e, f), "unknown field \"" + f + "\" in a motion key",
                            Suggestions.hint(f, KEY_FIELDS, "the fields of a key are"));
                }
            }
            JsonNode tn = k.get("t");
            double t;
            if (tn == null) {
                throw missing(e + ".t", "\"t\": 8 (seconds from the start of the hold, or a cue's name)");
            } else if (tn.isNumber()) {
                t = tn.asDouble();
            } else if (tn.isTextual()) {
                if (at == null) {
                    throw src.error(e + ".t", "a key on a cue (\"" + tn.asText() + "\") needs the scene's \"at\"",
                            "pin the scene with \"at\", or give t in seconds from the start of the hold");
                }
                t = address(tn.asText().strip(), e + ".t", timeline) - at.time();
            } else {
                throw src.error(e + ".t", "t is seconds from the start of the hold, or a cue's name",
                        "write e.g. \"t\": 8 or \"t\": \"bar:70\"");
            }
            t = Math.round(t * 1000) / 1000.0;
            if (!(t >= 0) || t > MAX_MAGNITUDE) {
                throw src.error(e + ".t", "the key is at " + fmt(t) + " s from the start of the hold; keys lie in the hold",
                        "give 0 or more seconds" + (tn.isTextual() ? " (the cue must not come before the scene's \"at\")" : ""));
            }
            if (!(t > last)) {
                throw src.error(e + ".t", "keys go in increasing time: " + fmt(t) + " s is not after the previous key's "
                        + fmt(last) + " s", "order the keys by t, at least 1 ms apart");
            }
            last = t;
            double[] center = vector(k.get("center"), e + ".center", "[x, y, z] in metres, e.g. [60, 20, 95]", true);
            if (center != null && (center[2] < limits.minAltitude() || center[2] > limits.maxAltitude())) {
                throw src.error(JsonSource.element(e + ".center", 2), "the centre's altitude " + fmt(center[2])
                        + " m is outside the altitude band " + fmt(limits.minAltitude()) + "–"
                        + fmt(limits.maxAltitude()) + " m of limits", "keep the moving formation inside the show volume");
            }
            double[] rotation = vector(k.get("rotation"), e + ".rotation",
                    "[rx, ry, rz] in degrees, e.g. [0, 90, 0] turns a wheel in the audience's plane", false);
            Double scale = null;
            JsonNode sn = k.get("scale");
            if (sn != null) {
                if (!sn.isNumber()) {
                    throw src.error(e + ".scale", "scale is a number (1 = as sampled)", "write e.g. \"scale\": 1.2");
                }
                scale = sn.asDouble();
                if (!(scale > 0) || scale > MAX_SCALE) {
                    throw src.error(e + ".scale", "scale must be above 0 and at most " + fmt(MAX_SCALE) + ", was "
                            + fmt(scale), "1 keeps the formation's size; 1.5 makes it half as large again");
                }
            }
            if (center == null && rotation == null && scale == null) {
                throw src.error(e, "the key gives neither \"center\", \"rotation\" nor \"scale\"",
                        "add at least one, e.g. \"center\": [60, 20, 95]");
            }
            Motion.Ease ease = Motion.Ease.LINEAR;
            JsonNode en = k.get("ease");
            if (en != null) {
                ease = en.isTextual() ? Motion.Ease.of(en.asText()) : null;
                if (ease == null) {
                    List<String> names = new ArrayList<>();
                    for (Motion.Ease x : Motion.Ease.values()) {
                        names.add(x.written());
                    }
                    throw src.error(e + ".ease", "unknown ease " + en,
                            Suggestions.hint(en.asText(), names, "eases (inOut starts and ends at rest)"));
                }
            }
            keys.add(new Motion.Key(t, center, rotation, scale, ease, e));
        }
        Motion m = new Motion(keys);
        endsInHold(m, p, knownHold);
        return m;
    }

    private void endsInHold(Motion m, String p, Double knownHold) {
        if (knownHold != null && m.end() > knownHold + 1e-9) {
            throw src.error(JsonSource.element(p, m.keys().size() - 1) + ".t", "the motion ends " + fmt(m.end())
                    + " s into the hold, which lasts " + fmt(Math.round(knownHold * 1000) / 1000.0) + " s",
                    "end the motion within the hold: make its last key's t at most " + fmt(Math.round(knownHold * 1000) / 1000.0)
                            + ", or hold the scene longer");
        }
    }

    /** Three finite numbers, or null when absent. */
    private double[] vector(JsonNode v, String p, String what, boolean position) {
        if (v == null) {
            return null;
        }
        if (!v.isArray() || v.size() != 3) {
            throw src.error(p, "expected three numbers", "write " + what);
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!v.get(i).isNumber()) {
                throw src.error(JsonSource.element(p, i), "expected a number, found " + v.get(i), "write " + what);
            }
            out[i] = v.get(i).asDouble();
            if (position) {
                withinReach(out[i], JsonSource.element(p, i));
            } else if (Math.abs(out[i]) > MAX_MAGNITUDE) {
                throw src.error(JsonSource.element(p, i), "an angle of " + fmt(out[i]) + "° is beyond reason",
                        "give degrees, e.g. 360 for a full turn");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- timeline

    /** Fields of the {@code cues} object form. */
    private static final List<String> CUE_FIELDS = List.of("marks", "labels", "bpm", "offset", "beatsPerBar");

    private Timeline timeline(ShowFile f) {
        Music music = music(f.music());
        List<Cue> cues = new ArrayList<>();
        BeatGrid beats = null;
        JsonNode c = f.cues();
        if (c != null && !c.isNull()) {
            if (c.isArray()) {
                marks(c, "cues", cues);
            } else if (c.isObject()) {
                for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!CUE_FIELDS.contains(k)) {
                        throw src.error(JsonSource.child("cues", k), "unknown field \"" + k + "\" in \"cues\"",
                                Suggestions.hint(k, CUE_FIELDS, "the fields of \"cues\" are"));
                    }
                }
                if (c.has("marks")) {
                    if (!c.get("marks").isArray()) {
                        throw src.error("cues.marks", "\"marks\" is a list of named times",
                                "write \"marks\": [{\"name\": \"chorus\", \"time\": 132.0}]");
                    }
                    marks(c.get("marks"), "cues.marks", cues);
                }
                if (c.has("labels")) {
                    JsonNode l = c.get("labels");
                    if (!l.isTextual()) {
                        throw src.error("cues.labels", "\"labels\" is the path of an Audacity label file",
                                "write \"labels\": \"assets/song.txt\" (File → Export → Export Labels in Audacity)");
                    }
                    Path file = asset(l.asText(), "cues.labels");
                    for (Cue cue : Labels.read(file, l.asText())) {
                        addCue(cues, cue, "cues.labels");
                    }
                }
                if (c.has("bpm") || c.has("offset") || c.has("beatsPerBar")) {
                    beats = beats(c);
                }
            } else {
                throw src.error("cues", "\"cues\" is a list of named times or an object",
                        "write \"cues\": [{\"name\": \"chorus\", \"time\": 132.0}], or {\"bpm\": 96, \"offset\": 0.42, "
                                + "\"beatsPerBar\": 4, \"labels\": \"assets/song.txt\"}; see docs/show-format.md");
            }
        }
        cues.sort(Comparator.comparingDouble(Cue::time));
        return new Timeline(music, cues, beats);
    }

    private Music music(ShowFile.MusicFile m) {
        if (m == null) {
            return null;
        }
        Path file = asset(m.file(), "music.file");
        double offset = m.offset() == null ? 0 : m.offset();
        if (Math.abs(offset) > MAX_MAGNITUDE) {
            throw src.error("music.offset", "an offset of " + fmt(offset) + " s is beyond any track",
                    "offset is where show time 0 falls in the track, in seconds, e.g. 0 or 4.5");
        }
        dev.starling.audio.AudioInfo info;
        try {
            info = dev.starling.audio.AudioFiles.probe(file);
        } catch (InputException e) {
            throw src.error("music.file", m.file() + ": " + e.getMessage(), e.hint());
        }
        if (offset >= info.duration()) {
            throw src.error("music.offset", "the offset " + fmt(offset) + " s is past the end of the track ("
                    + fmt(info.duration()) + " s)", "offset is where show time 0 falls in the track: use 0 to start with it");
        }
        return new Music(file, info.format(), offset, info.duration());
    }

    private void marks(JsonNode list, String p, List<Cue> cues) {
        for (int i = 0; i < list.size(); i++) {
            String e = JsonSource.element(p, i);
            JsonNode m = list.get(i);
            if (!m.isObject() || !m.path("name").isTextual() || !m.path("time").isNumber() || m.size() != 2) {
                throw src.error(e, "a cue is {\"name\": ..., \"time\": seconds}",
                        "write e.g. {\"name\": \"chorus\", \"time\": 132.0}");
            }
            String name = m.get("name").asText().strip();
            if (name.isEmpty()) {
                throw src.error(e + ".name", "a cue needs a name", "e.g. \"name\": \"chorus\"");
            }
            double t = m.get("time").asDouble();
            if (!(t >= 0) || t > MAX_MAGNITUDE) {
                throw src.error(e + ".time", "a cue's time is 0 or more seconds from show start, was " + fmt(t),
                        "give seconds from show start, e.g. 132.0");
            }
            addCue(cues, new Cue(name, t, e), e + ".name");
        }
    }

    private void addCue(List<Cue> cues, Cue cue, String p) {
        if (cue.name().startsWith("bar:") || cue.name().startsWith("beat:")) {
            throw src.error(p, "cue \"" + cue.name() + "\" (" + cue.origin() + ") takes a name the beat grid uses",
                    "\"bar:N\" and \"beat:N\" address the beat grid; rename the cue");
        }
        for (Cue c : cues) {
            if (c.name().equals(cue.name())) {
                throw src.error(p, "two cues are named \"" + cue.name() + "\" (" + c.origin() + " and " + cue.origin() + ")",
                        "cue names must be unique: rename one of them");
            }
        }
        cues.add(cue);
    }

    private BeatGrid beats(JsonNode c) {
        JsonNode bpm = c.get("bpm");
        if (bpm == null || !bpm.isNumber() || !(bpm.asDouble() > 0) || bpm.asDouble() > 1000) {
            throw src.error(bpm == null ? "cues" : "cues.bpm", bpm == null ? "a beat grid needs \"bpm\""
                    : "bpm must be a number of beats per minute between 0 and 1000, was " + bpm,
                    "write e.g. \"bpm\": 96, \"offset\": 0.42, \"beatsPerBar\": 4");
        }
        JsonNode off = c.get("offset");
        double offset = 0;
        if (off != null) {
            if (!off.isNumber() || Math.abs(off.asDouble()) > MAX_MAGNITUDE) {
                throw src.error("cues.offset", "offset is the show time of the first beat, in seconds",
                        "write e.g. \"offset\": 0.42");
            }
            offset = off.asDouble();
        }
        JsonNode bpb = c.get("beatsPerBar");
        int perBar = 4;
        if (bpb != null) {
            if (!bpb.isInt() || bpb.asInt() < 1 || bpb.asInt() > 64) {
                throw src.error("cues.beatsPerBar", "beatsPerBar is a whole number of beats from 1 to 64",
                        "write e.g. \"beatsPerBar\": 4 (3 for a waltz)");
            }
            perBar = bpb.asInt();
        }
        return new BeatGrid(bpm.asDouble(), offset, perBar);
    }

    /** A scene's {@code at} or {@code until}: seconds, a cue's name, {@code "bar:N"} or {@code "beat:N"}. */
    private Pin pin(JsonNode v, String p, Timeline timeline) {
        if (v == null || v.isNull()) {
            return null;
        }
        String example = "give seconds from show start (132.0), a cue's name (\"chorus\"), \"bar:33\" or \"beat:129\"";
        double t;
        String written;
        if (v.isNumber()) {
            t = v.asDouble();
            written = v.asText();
        } else if (v.isTextual()) {
            written = v.asText().strip();
            t = address(written, p, timeline);
        } else {
            throw src.error(p, "expected a time, found " + (v.isObject() ? "an object" : v.isArray() ? "a list" : v.toString()),
                    example);
        }
        if (!(t >= 0) || t > MAX_MAGNITUDE) {
            throw src.error(p, written + " is at " + fmt(t) + " s; a pin is 0 or more seconds from show start", example);
        }
        return new Pin(written, Math.round(t * 1000) / 1000.0);
    }

    private double address(String a, String p, Timeline timeline) {
        for (String kind : new String[] {"bar:", "beat:"}) {
            if (a.startsWith(kind)) {
                String num = a.substring(kind.length()).strip();
                long n;
                try {
                    n = Long.parseLong(num);
                } catch (NumberFormatException e) {
                    throw src.error(p, "\"" + a + "\": " + kind.substring(0, kind.length() - 1) + " numbers are whole and "
                            + "count from 1", "write e.g. \"" + kind + "33\"");
                }
                if (n < 1 || n > 1_000_000) {
                    throw src.error(p, "\"" + a + "\": " + kind.substring(0, kind.length() - 1) + "s count from 1",
                            "write e.g. \"" + kind + "1\" for the first");
                }
                BeatGrid g = timeline.beats();
                if (g == null) {
                    throw src.error(p, "\"" + a + "\" needs a beat grid, and the show has none",
                            "add \"cues\": {\"bpm\": 96, \"offset\": 0.0, \"beatsPerBar\": 4} (the music's tempo and first beat)");
                }
                return kind.equals("bar:") ? g.bar(n) : g.beat(n);
            }
        }
        Cue c = timeline.cue(a);
        if (c == null) {
            List<String> known = new ArrayList<>();
            for (Cue k : timeline.cues()) {
                known.add(k.name());
            }
            String hint = known.isEmpty()
                    ? "the show defines no cues: add \"cues\" (a list, a beat grid or an Audacity label file); see docs/show-format.md"
                    : Suggestions.hint(a, known, "the cues are");
            throw src.error(p, "no cue is named \"" + a + "\"", hint);
        }
        return c.time();
    }

    private Placement placement(ShowFile.PlacementFile pl, String p, Limits limits) {
        if (pl == null) {
            throw missing(p, "\"placement\": { \"center\": [0, 20, 100] } (metres: x right, y away from the audience, z up)");
        }
        double[] c = pl.center();
        if (c == null) {
            throw missing(p + ".center", "\"center\": [0, 20, 100] (metres: x right, y away from the audience, z up)");
        }
        if (c.length != 3) {
            throw src.error(p + ".center", "the centre is [x, y, z] in metres, this one has " + c.length + " numbers",
                    "e.g. [0, 20, 100]: 20 m beyond the takeoff area's centre, 100 m up");
        }
        for (int i = 0; i < 3; i++) {
            withinReach(c[i], JsonSource.element(p + ".center", i));
        }
        if (c[2] < limits.minAltitude() || c[2] > limits.maxAltitude()) {
            throw src.error(JsonSource.element(p + ".center", 2), "the formation centre's altitude " + fmt(c[2])
                    + " m is outside the altitude band " + fmt(limits.minAltitude()) + "–" + fmt(limits.maxAltitude())
                    + " m of limits", "put z between minAltitude and maxAltitude, with room for half the formation's height");
        }
        if (!limits.insideGeofence(c[0], c[1])) {
            throw src.error(p + ".center", "the formation centre " + pt(c[0], c[1]) + " is outside the geofence",
                    "move the centre inside limits.geofence, or enlarge the geofence");
        }
        String plane = "xz";
        if (pl.plane() != null) {
            plane = pl.plane();
            if (!PLANES.contains(plane)) {
                throw src.error(p + ".plane", "unknown plane \"" + plane + "\"",
                        Suggestions.hint(plane, PLANES, "planes (xz faces the audience, yz is side-on, xy lies flat)"));
            }
        }
        double[] r = pl.rotation();
        if (r != null && r.length != 3) {
            throw src.error(p + ".rotation", "rotation is [rx, ry, rz] in degrees, this one has " + r.length + " numbers",
                    "e.g. [0, 0, 30] turns the formation 30° about the vertical axis");
        }
        return new Placement(c, plane, r);
    }

    // ---------------------------------------------------------------- formations

    private FormationSpec formation(FormationSpec f, String p, int drones) {
        if (f == null) {
            throw missing(p, "\"formation\": { \"type\": \"text\", \"text\": \"HELLO\", \"height\": 30 }");
        }
        if (f.type() == null) {
            throw missing(p + ".type", "\"type\": one of " + String.join(", ", FormationSpec.TYPES));
        }
        String type = f.type();
        if (!FormationSpec.TYPES.contains(type)) {
            throw src.error(p + ".type", "unknown formation type \"" + type + "\"",
                    Suggestions.hint(type, FormationSpec.TYPES, "valid types"));
        }
        List<String> fields = FIELDS_BY_TYPE.get(type);
        rejectFieldsNotOf(f, p, type, fields);
        switch (type) {
            case "text" -> {
                text(f.text(), p + ".text", "\"text\": \"新韵重庆\" (any characters; CJK included)");
                positive(f.height(), p + ".height", "m", "\"height\": 40 (metres, of the whole text block)");
                if (f.font() != null) {
                    if (f.font().isBlank()) {
                        throw src.error(p + ".font", "must not be empty", "give a font file path or a family name, or delete \"font\"");
                    }
                    if (looksLikePath(f.font())) {
                        asset(f.font(), p + ".font");
                    }
                }
                mode(f.mode(), p);
            }
            case "image", "svg" -> {
                asset(f.file(), p + ".file");
                if (f.width() == null && f.height() == null) {
                    throw src.error(p, "an " + type + " formation needs \"width\" or \"height\" (metres; the aspect ratio "
                            + "sets the other; with both it fits inside both)", "add e.g. \"width\": 150");
                }
                if (f.width() != null) {
                    positive(f.width(), p + ".width", "m", null);
                }
                if (f.height() != null) {
                    positive(f.height(), p + ".height", "m", null);
                }
                if (type.equals("image") && f.threshold() != null) {
                    double th = f.threshold();
                    if (!(th >= 0 && th < 1)) {
                        throw src.error(p + ".threshold", "threshold is a luminance from 0 up to (not including) 1, was "
                                + fmt(th), "0.5 lights pixels brighter than mid-grey");
                    }
                }
                if (type.equals("svg")) {
                    mode(f.mode(), p);
                }
            }
            case "mesh" -> {
                asset(f.file(), p + ".file");
                positive(f.size(), p + ".size", "m", "\"size\": 80 (metres, the mesh's largest extent)");
            }
            case "points" -> {
                asset(f.file(), p + ".file");
                if (f.scale() != null) {
                    positive(f.scale(), p + ".scale", null, null);
                }
            }
            case "shape" -> {
                if (f.shape() == null) {
                    throw missing(p + ".shape", "\"shape\": one of " + String.join(", ", FormationSpec.SHAPES));
                }
                if (!FormationSpec.SHAPES.contains(f.shape())) {
                    throw src.error(p + ".shape", "unknown shape \"" + f.shape() + "\"",
                            Suggestions.hint(f.shape(), FormationSpec.SHAPES, "shapes"));
                }
                double size = positive(f.size(), p + ".size", "m", "\"size\": 100 (metres, the shape's overall extent)");
                List<String> extra = FIELDS_BY_SHAPE.get(f.shape());
                String[] names = {"height", "turns", "mode"};
                Object[] values = {f.height(), f.turns(), f.mode()};
                for (int k = 0; k < names.length; k++) {
                    if (values[k] != null && !extra.contains(names[k])) {
                        throw src.error(p + "." + names[k], "\"" + names[k] + "\" does not apply to the " + f.shape() + " shape",
                                extra.isEmpty() ? "a " + f.shape() + " takes only \"size\"; delete \"" + names[k] + "\""
                                        : "a " + f.shape() + " takes size, " + String.join(", ", extra) + "; delete \""
                                        + names[k] + "\"");
                    }
                }
                if (f.height() != null) {
                    double h = positive(f.height(), p + ".height", "m", null);
                    if (f.shape().equals("torus") && h >= size / 2) {
                        throw src.error(p + ".height", "the torus tube (height " + fmt(h) + " m) must be thinner than half "
                                + "its outer diameter (size " + fmt(size) + " m)", "use a height below " + fmt(size / 2)
                                + " m, e.g. " + fmt(size / 4));
                    }
                }
                if (f.turns() != null) {
                    positive(f.turns(), p + ".turns", null, null);
                }
                mode(f.mode(), p);
            }
            case "frames" -> {
                Path file = asset(f.file(), p + ".file");
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean gltf = name.endsWith(".glb") || name.endsWith(".gltf");
                if (!gltf && !name.endsWith(".csv")) {
                    throw src.error(p + ".file", "a frame sequence is a .csv (frame,id,x,y,z[,r,g,b]) or a glTF 2.0 "
                            + ".glb / .gltf file, not \"" + file.getFileName() + "\"", "export the animation as one of those");
                }
                if (f.fps() != null) {
                    if (gltf) {
                        throw src.error(p + ".fps", "a glTF animation carries its own times", "delete \"fps\"");
                    }
                    double fps = positive(f.fps(), p + ".fps", "frames per second", "24");
                    if (fps > 100) {
                        throw src.error(p + ".fps", "at most 100 frames per second, was " + fmt(fps),
                                "drones fly smooth curves through the frames: 24 or 30 is plenty");
                    }
                }
                if (f.count() != null) {
                    throw src.error(p + ".count", "\"count\" does not apply to a frame sequence: each id (each glTF "
                            + "vertex) is one drone", "delete \"count\"");
                }
            }
            default -> throw new IllegalStateException(type);
        }
        if (f.count() != null) {
            int count = f.count();
            if (count < 1) {
                throw src.error(p + ".count", "count must be at least 1, was " + count,
                        "count is the number of lit drones; delete it to light the whole fleet");
            }
            if (count > drones) {
                throw src.error(p + ".count", "count " + count + " is more than the fleet's " + drones + " drones",
                        "lower count to at most " + drones + ", or raise \"drones\"");
            }
        }
        return f;
    }

    /** Rejects fields that the formation's type does not read, the first in file order. */
    private void rejectFieldsNotOf(FormationSpec f, String p, String type, List<String> fields) {
        Object[][] all = {
            {"text", f.text()}, {"font", f.font()}, {"height", f.height()}, {"width", f.width()},
            {"file", f.file()}, {"shape", f.shape()}, {"size", f.size()}, {"turns", f.turns()},
            {"mode", f.mode()}, {"threshold", f.threshold()}, {"scale", f.scale()}, {"fps", f.fps()}};
        String first = null;
        JsonSource.Loc firstLoc = null;
        for (Object[] e : all) {
            String field = (String) e[0];
            if (e[1] == null || fields.contains(field)) {
                continue;
            }
            JsonSource.Loc l = src.at(JsonSource.child(p, field));
            if (first == null || (l != null && (firstLoc == null || l.line() < firstLoc.line()
                    || (l.line() == firstLoc.line() && l.column() < firstLoc.column())))) {
                first = field;
                firstLoc = l;
            }
        }
        if (first != null) {
            throw src.error(JsonSource.child(p, first), "\"" + first + "\" does not apply to a " + type + " formation",
                    "a " + type + " formation reads " + String.join(", ", fields) + " (and count); delete \"" + first
                            + "\" or change \"type\"");
        }
    }

    private void mode(String mode, String p) {
        if (mode != null && !FormationSpec.MODES.contains(mode)) {
            throw src.error(p + ".mode", "unknown mode \"" + mode + "\"",
                    Suggestions.hint(mode, FormationSpec.MODES, "modes (fill lights the area, stroke the outline)"));
        }
    }

    private static boolean looksLikePath(String font) {
        String l = font.toLowerCase(Locale.ROOT);
        return font.contains("/") || font.contains("\\") || l.endsWith(".ttf") || l.endsWith(".otf")
                || l.endsWith(".ttc") || l.endsWith(".otc") || l.endsWith(".pfb");
    }

    /**
     * Checks that the asset named at {@code p} exists as a readable file inside the show's asset
     * folders, resolved against the show's folder; returns that resolved path.
     */
    private Path asset(String file, String p) {
        if (file == null) {
            throw missing(p, "\"" + p.substring(p.lastIndexOf('.') + 1) + "\": \"assets/car.svg\" (relative to the show file)");
        }
        if (file.isBlank()) {
            throw src.error(p, "must not be empty", "give the file's path relative to the show file");
        }
        Path resolved;
        try {
            resolved = baseDir.resolve(file).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw src.error(p, "\"" + file + "\" is not a valid path: " + e.getReason(), "use a plain relative path such as assets/car.svg");
        }
        if (!roots.contains(resolved)) {
            // checked before anything else touches the file, so nothing outside the roots is read
            Path real = AssetRoots.real(resolved);
            Path folder = real.getParent() == null ? real : real.getParent();
            throw src.error(p, "asset \"" + file + "\" is outside the show's folder " + baseDir
                    + (roots.extra().isEmpty() ? "" : " and the folders allowed by " + AssetRoots.FLAG + " " + roots.extra())
                    + ": it resolves to " + real,
                    "move the file into the show's folder, or allow its folder when you run the command: "
                            + AssetRoots.FLAG + " " + folder);
        }
        if (Files.isRegularFile(resolved)) {
            if (!Files.isReadable(resolved)) {
                throw src.error(p, "asset file " + resolved + " cannot be read", "check the file's permissions");
            }
            return resolved;
        }
        if (Files.isDirectory(resolved)) {
            throw src.error(p, "asset " + resolved + " is a folder, not a file", "name the file inside it");
        }
        String hint = "paths are relative to the show file's folder (" + baseDir.toAbsolutePath().normalize() + ")";
        Path dir = resolved.getParent();
        if (dir != null && Files.isDirectory(dir)) {
            List<String> names = new ArrayList<>();
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile).map(x -> x.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                names.clear();
            }
            List<String> near = Suggestions.closest(resolved.getFileName().toString(), names);
            if (!near.isEmpty()) {
                hint = "did you mean \"" + near.get(0) + "\"? " + hint;
            }
        } else if (dir != null) {
            hint += "; the folder " + dir + " does not exist either";
        }
        throw src.error(p, "asset file not found: " + resolved, hint);
    }

    // ---------------------------------------------------------------- helpers

    private InputException missing(String path, String example) {
        String field = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
        JsonSource.Loc here = src.at(path);
        boolean isNull = here != null && here.token() == JsonToken.VALUE_NULL;
        return src.error(path, isNull ? "\"" + field + "\" is null, but it is required" : "missing required field \"" + field + "\"",
                example == null ? null : "add " + example);
    }

    private double number(Double v, String path, String example) {
        if (v == null) {
            throw missing(path, example);
        }
        return v;
    }

    private double positive(Double v, String path, String unit, String example) {
        double x = number(v, path, example);
        if (!(x > 0)) {
            throw src.error(path, "must be greater than 0" + (unit == null ? "" : " (" + unit + ")") + ", was " + fmt(x),
                    example == null ? "use a positive number" : "use a positive number, e.g. " + example);
        }
        if (x > MAX_MAGNITUDE) {
            throw src.error(path, "must be at most " + fmt(MAX_MAGNITUDE) + (unit == null ? "" : " (" + unit + ")")
                    + ", was " + fmt(x), example == null ? "use a realistic value" : "use a realistic value, e.g. " + example);
        }
        return x;
    }

    /**
     * A coordinate or altitude within {@link #MAX_MAGNITUDE} metres of the origin: a formation
     * centred at z = 9.2e18 lost every point to rounding (all 0 m apart, an internal error).
     */
    private void withinReach(double v, String path) {
        if (Math.abs(v) > MAX_MAGNITUDE) {
            throw src.error(path, "is " + fmt(v) + " m from the origin, more than the " + fmt(MAX_MAGNITUDE) + " m allowed",
                    "coordinates are metres from the centre of the takeoff area; a show fits in a few kilometres");
        }
    }

    private String text(String v, String path, String example) {
        if (v == null) {
            throw missing(path, example);
        }
        if (v.isBlank()) {
            throw src.error(path, "must not be empty", example == null ? null : "e.g. " + example);
        }
        if (v.length() > MAX_TEXT_LENGTH) {
            throw src.error(path, "is " + v.length() + " characters long, more than the " + MAX_TEXT_LENGTH + " allowed",
                    "shorten it; a long text can be split over several scenes");
        }
        return v;
    }

    /** A number as a user wrote it: 20 not 20.0, 1.5 as 1.5. */
    static String fmt(double v) {
        return Numbers.plain(v);
    }

    private static String pt(double[] v) {
        return pt(v[0], v[1]);
    }

    private static String pt(double x, double y) {
        return "(" + fmt(x) + ", " + fmt(y) + ")";
    }
}
