package dev.starling.io.skyc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.io.BoundedZipReader;
import dev.starling.io.SkybrushFrame;
import dev.starling.light.LightProgram;
import dev.starling.light.SkybrushLightCodec;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Skybrush compiled show ({@code .skyc}, as written by Skybrush Studio, Skybrush Live's
 * tools or {@link SkycWriter}) into a {@link Plan}: one trajectory and one light program per
 * drone, the file's validation limits, no scenes.
 *
 * <p><b>Format</b>: a ZIP with {@code show.json} at its root:
 * <pre>
 * {"version": 1,
 *  "settings": {"validation": {"maxAltitude", "maxVelocityXY", "maxVelocityZ", "maxVelocityZUp",
 *                              "maxVelocityZDown", "minDistance", "minNavAltitude"}},
 *  "swarm": {"drones": [{"type": "generic", "settings": {"name", "home",
 *      "trajectory": {"version": 1, "takeoffTime": t0, "points": [[t, [x, y, z], [c1, c2]], ...]},
 *      "lights": {"version": 1, "data": "BASE64"}}}]},
 *  "environment": {"type": "outdoor" | "indoor"}, "meta": {"title"}}
 * </pre>
 * Any value may instead be a JSON reference {@code {"$ref": "./drones/drone_01/trajectory.json#"}}
 * to another entry of the archive (relative to the referring file; a fragment is a JSON pointer):
 * references are resolved, chains up to {@link #MAX_REF_DEPTH} deep; absolute paths, {@code ..}
 * and backslashes are refused.
 *
 * <p><b>Meaning</b>: point times count from {@code takeoffTime} (show time = takeoffTime + t). A
 * point with 0 control points is a straight line from the previous point, 1 a quadratic and 2 a
 * cubic Bézier; the first point's control points are ignored. A point repeating the previous one
 * exactly is dropped; any other point whose time does not increase is an error. A trajectory of
 * a single point holds it until the end of the show (at least 1 s). Coordinates are in
 * Skybrush's frame and converted by {@link SkybrushFrame}. Light programs are decoded fully by
 * {@link SkybrushLightCodec} (time 0 = show start), so a bad one fails here, not in flight; a
 * drone without {@code lights} shows constant white, as Skybrush's player does.
 *
 * <p><b>Limits</b> (→ {@link Limits}): {@code minDistance} → minSeparation, {@code maxVelocityXY}
 * → maxSpeedXY, {@code maxAltitude} → maxAltitude, {@code maxVelocityZ} → both vertical speeds
 * unless {@code maxVelocityZUp} / {@code maxVelocityZDown} give one. Skybrush has no bound on
 * the acceleration magnitude (its per-axis {@code maxAcceleration*} fields do not make one) and
 * no minimum altitude, so those are not given. {@code minNavAltitude} (below it separation is
 * not enforced) is returned in {@link SkycShow#minNavAltitude()}.
 *
 * <p><b>Bounds</b>: at most {@link Show#MAX_DRONES} drones (Skybrush Live itself takes 5000;
 * larger fleets from Starling are split across files); the archive through
 * {@link BoundedZipReader}. Any defect is an {@link InputException} naming the file and the JSON
 * path. Cost: one streaming pass over {@code show.json}; memory holds one drone's JSON at a time
 * plus the resulting plan.
 */
public final class SkycReader {
    /** Longest chain of {@code $ref}s followed from one value. */
    public static final int MAX_REF_DEPTH = 8;
    /** The show description at the archive's root. */
    public static final String SHOW_JSON = "show.json";
    /**
     * Largest magnitude of any number read (seconds, metres, m/s): no show reaches it, and a
     * coordinate of 1e308 crashed the verifier and would overflow the writers' millimetre grid.
     */
    static final double MAX_MAGNITUDE = 1e9;
    /** Shortest segment read, seconds: no flight file is finer, and shorter ones overflow speeds. */
    static final double MIN_SEGMENT_SECONDS = 1e-6;

    private static final String HINT = "a .skyc is a ZIP with show.json at its root, as Skybrush Studio exports it";
    /** The way forward for a defect that has no more specific hint. */
    private static final String DAMAGED = "the file is damaged or was not written by a Skybrush tool: export it again";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(256 << 20).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private SkycReader() {
    }

    /**
     * A {@code .skyc} as read: the plan and what Skybrush files say beyond it.
     *
     * @param plan           trajectories and lights in the show frame, the file's limits, no scenes
     * @param droneNames     each drone's {@code settings.name} (or {@link Plan#droneName}), plan order
     * @param environment    {@code "outdoor"} or {@code "indoor"}
     * @param minNavAltitude altitude below which Skybrush does not check separation, metres; NaN when not given
     */
    public record SkycShow(Plan plan, List<String> droneNames, String environment, double minNavAltitude,
                           Extras extras) {
        public SkycShow {
            droneNames = List.copyOf(droneNames);
        }
    }

    /**
     * What a {@code .skyc} carries besides the flight: the embedded soundtrack and where the show
     * lies on Earth.
     *
     * @param audio       the {@code media.audio} bytes, or null
     * @param audioName   its {@code filename}, or null
     * @param audioStart  its {@code startTime}, seconds of show time (0 when not given)
     * @param origin      {@code environment.location.origin} as [longitude, latitude, altitude], or null
     * @param orientation {@code environment.location.orientation}, degrees; NaN when not given
     * @param cameras     the names of {@code environment.cameras}, in order
     */
    public record Extras(byte[] audio, String audioName, double audioStart, double[] origin, double orientation,
                         List<String> cameras) {
    }

    /** Reads {@code file} into a plan. */
    public static Plan read(Path file) {
        return readShow(file).plan();
    }

    /** Reads {@code file} with its names, environment and navigation floor. */
    public static SkycShow readShow(Path file) {
        try (BoundedZipReader zip = BoundedZipReader.open(file, HINT)) {
            if (!zip.contains(SHOW_JSON)) {
                throw new InputException(zip.label(), "no " + SHOW_JSON + " at the root of the archive", HINT);
            }
            Reader r = new Reader(zip, file);
            return r.read();
        } catch (InputException e) {
            throw e.withDefaultHint(DAMAGED);
        }
    }

    /** A value with the folder of the archive entry it came from, for relative references. */
    private record Located(JsonNode node, String dir) {
    }

    private static final class Reader {
        final BoundedZipReader zip;
        final Path file;
        final List<Trajectory> trajectories = new ArrayList<>();
        final List<LightProgram> lights = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        /** Index, time and point of drones whose trajectory is a single point. */
        final List<double[]> single = new ArrayList<>();
        final double[] p = new double[6];
        JsonNode version;
        JsonNode settings;
        JsonNode environment;
        JsonNode meta;
        JsonNode media;

        Reader(BoundedZipReader zip, Path file) {
            this.zip = zip;
            this.file = file;
        }

        SkycShow read() {
            try {
                parseShowJson();
                return finish();
            } catch (InputException e) {
                throw e.inFile(zip.label());
            }
        }

        private void parseShowJson() {
            try (InputStream in = zip.open(SHOW_JSON); JsonParser jp = FACTORY.createParser(in)) {
                if (jp.nextToken() != JsonToken.START_OBJECT) {
                    throw new InputException(null, "$", SHOW_JSON + " must hold a JSON object", HINT);
                }
                while (jp.nextToken() == JsonToken.FIELD_NAME) {
                    String field = jp.currentName();
                    jp.nextToken();
                    switch (field) {
                        case "version" -> version = MAPPER.readTree(jp);
                        case "settings" -> settings = MAPPER.readTree(jp);
                        case "environment" -> environment = MAPPER.readTree(jp);
                        case "meta" -> meta = MAPPER.readTree(jp);
                        case "media" -> media = MAPPER.readTree(jp);
                        case "swarm" -> readSwarm(jp);
                        default -> jp.skipChildren();
                    }
                }
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                throw new InputException(zip.label() + "!" + SHOW_JSON, null, loc == null ? 0 : loc.getLineNr(),
                        loc == null ? 0 : loc.getColumnNr(), "malformed JSON: " + e.getOriginalMessage(), HINT);
            } catch (IOException e) {
                throw new InputException(zip.label(), "cannot read " + SHOW_JSON + ": " + e.getMessage(), null);
            }
        }

        private void readSwarm(JsonParser jp) throws IOException {
            if (jp.currentToken() != JsonToken.START_OBJECT) {
                readDrones(resolve(new Located(MAPPER.readTree(jp), ""), "swarm"), "swarm");
                return;
            }
            boolean any = false;
            while (jp.nextToken() == JsonToken.FIELD_NAME) {
                String field = jp.currentName();
                jp.nextToken();
                if (!field.equals("drones")) {
                    jp.skipChildren();
                    continue;
                }
                any = true;
                if (jp.currentToken() == JsonToken.START_ARRAY) {
                    while (jp.nextToken() != JsonToken.END_ARRAY) {
                        drone(new Located(MAPPER.readTree(jp), ""));
                    }
                } else {
                    dronesArray(resolve(new Located(MAPPER.readTree(jp), ""), "swarm.drones"));
                }
            }
            if (!any) {
                throw new InputException(null, "swarm.drones", "missing", "a show lists its drones in swarm.drones");
            }
        }

        private void readDrones(Located swarm, String path) {
            if (!swarm.node().isObject()) {
                throw new InputException(null, path, "must be an object with a \"drones\" array", HINT);
            }
            JsonNode d = swarm.node().get("drones");
            if (d == null) {
                throw new InputException(null, path + ".drones", "missing", "a show lists its drones in swarm.drones");
            }
            dronesArray(resolve(new Located(d, swarm.dir()), path + ".drones"));
        }

        private void dronesArray(Located drones) {
            if (!drones.node().isArray()) {
                throw new InputException(null, "swarm.drones", "must be an array of drones", HINT);
            }
            for (JsonNode d : drones.node()) {
                drone(new Located(d, drones.dir()));
            }
        }

        private void drone(Located raw) {
            int i = trajectories.size();
            String path = "swarm.drones[" + i + "]";
            if (i >= Show.MAX_DRONES) {
                throw new InputException(null, path, "the show has more than " + Show.MAX_DRONES
                        + " drones, the most Starling reads from one file", "split the show into several files");
            }
            Located d = resolve(raw, path);
            Located s = member(d, "settings", path, true);
            if (!s.node().isObject()) {
                throw new InputException(null, path + ".settings", "must be an object", HINT);
            }
            Located nameNode = member(s, "name", path + ".settings", false);
            String name = nameNode != null && nameNode.node().isTextual() ? nameNode.node().asText() : Plan.droneName(i);
            Located tr = member(s, "trajectory", path + ".settings", true);
            trajectories.add(trajectory(tr, path + ".settings.trajectory", i));
            Located li = member(s, "lights", path + ".settings", false);
            lights.add(li == null ? LightProgram.builder().set(0, 0xFFFFFF).build()
                    : lights(li, path + ".settings.lights"));
            names.add(name);
        }

        private Trajectory trajectory(Located tr, String path, int drone) {
            if (!tr.node().isObject()) {
                throw new InputException(null, path, "must be an object", HINT);
            }
            requireVersion(member(tr, "version", path, false), path, "trajectory");
            double takeoff = 0;
            Located to = member(tr, "takeoffTime", path, false);
            if (to != null && !to.node().isNull()) {
                takeoff = finite(to.node(), path + ".takeoffTime");
            }
            Located pts = member(tr, "points", path, true);
            if (!pts.node().isArray() || pts.node().isEmpty()) {
                throw new InputException(null, path + ".points", "the trajectory is empty",
                        "every drone needs at least one point [t, [x, y, z], []]");
            }
            Trajectory.Builder b = null;
            int segments = 0;
            double lastT = 0;
            double[] q = p;
            double[] pts9 = new double[9];
            int count = pts.node().size();
            for (int k = 0; k < count; k++) {
                String pp = path + ".points[" + k + "]";
                JsonNode pt = resolve(new Located(pts.node().get(k), pts.dir()), pp).node();
                if (!pt.isArray() || pt.size() < 2 || pt.size() > 3) {
                    throw new InputException(null, pp, "a point is [t, [x, y, z], [control points]]", HINT);
                }
                double t = takeoff + finite(pt.get(0), pp + "[0]");
                point(pt.get(1), pp + "[1]", q, 3);
                if (b == null) {
                    b = Trajectory.startingAt(t, q[3], q[4], q[5]);
                    lastT = t;
                    continue;
                }
                JsonNode cps = pt.size() == 3 ? pt.get(2) : null;
                int nc = cps == null || cps.isNull() ? 0 : cps.size();
                if (cps != null && !cps.isNull() && !cps.isArray() || nc > 2) {
                    throw new InputException(null, pp + "[2]", "control points must be a list of 0, 1 or 2 points",
                            "Skybrush segments are lines or quadratic/cubic Bézier curves");
                }
                for (int c = 0; c < nc; c++) {
                    point(cps.get(c), pp + "[2][" + c + "]", pts9, 3 * c);
                }
                System.arraycopy(q, 3, pts9, 3 * nc, 3);
                if (!(t > lastT)) {
                    double[] end = new double[3];
                    b.endPoint(end, 0);
                    if (t == lastT && nc == 0 && end[0] == q[3] && end[1] == q[4] && end[2] == q[5]) {
                        continue; // an exact repeat of the previous point adds nothing
                    }
                    throw new InputException(null, pp + "[0]", "time " + (t - takeoff) + " does not increase (previous point at "
                            + (lastT - takeoff) + ")", "point times must strictly increase");
                }
                if (t - lastT < MIN_SEGMENT_SECONDS) {
                    // its polynomial coefficients overflow (1e-300 s gave the verifier NaN speeds)
                    throw new InputException(null, pp + "[0]", "time " + (t - takeoff) + " is less than 1 µs after the "
                            + "previous point (" + (lastT - takeoff) + ")", "Skybrush times have millisecond resolution");
                }
                b.segment(t, nc + 1, pts9);
                segments++;
                lastT = t;
            }
            if (segments == 0) {
                double[] end = new double[3];
                b.endPoint(end, 0);
                single.add(new double[] {drone, lastT, end[0], end[1], end[2]});
                return null;
            }
            return b.build();
        }

        /** Reads a Skybrush-frame [x, y, z] into {@code out[off..off+2]} in the show frame. */
        private void point(JsonNode n, String path, double[] out, int off) {
            if (n == null || !n.isArray() || n.size() != 3) {
                throw new InputException(null, path, "a point is [x, y, z]", HINT);
            }
            for (int a = 0; a < 3; a++) {
                out[off + a] = finite(n.get(a), path + "[" + a + "]");
            }
            SkybrushFrame.toShow(out, off, out, off);
        }

        private LightProgram lights(Located li, String path) {
            if (!li.node().isObject()) {
                throw new InputException(null, path, "must be an object {version, data}", HINT);
            }
            requireVersion(member(li, "version", path, false), path, "light program");
            Located data = member(li, "data", path, true);
            if (!data.node().isTextual()) {
                throw new InputException(null, path + ".data", "must be base64 text", HINT);
            }
            try {
                return SkybrushLightCodec.decodeBase64(data.node().asText());
            } catch (InputException e) {
                throw e.withPathPrefix(path + ".data");
            }
        }

        private SkycShow finish() {
            if (version == null) {
                throw new InputException(null, "version", "no version number", "a .skyc show.json starts with \"version\": 1");
            }
            if (!version.isIntegralNumber() || version.asInt() != 1) {
                throw new InputException(null, "version", "unsupported version " + version,
                        "Starling reads version 1 .skyc files");
            }
            if (trajectories.isEmpty()) {
                throw new InputException(null, "swarm.drones", "the show contains no drones", HINT);
            }
            double end = Double.NEGATIVE_INFINITY;
            for (Trajectory t : trajectories) {
                if (t != null) {
                    end = Math.max(end, t.endTime());
                }
            }
            for (double[] s : single) {
                double until = Math.max(end, s[1] + 1);
                trajectories.set((int) s[0], Trajectory.stationary(s[1], until, s[2], s[3], s[4]));
            }
            String env = "outdoor";
            if (environment != null && !environment.isNull()) {
                Located e = resolve(new Located(environment, ""), "environment");
                Located type = e.node().isObject() ? member(e, "type", "environment", false) : null;
                if (!e.node().isObject()) {
                    throw new InputException(null, "environment", "must be an object", HINT);
                }
                if (type != null) {
                    env = type.node().asText("");
                    if (!env.equals("outdoor") && !env.equals("indoor")) {
                        throw new InputException(null, "environment.type", "unknown environment type '"
                                + type.node().asText() + "'", "use \"outdoor\" or \"indoor\"");
                    }
                }
            }
            double[] nav = {Double.NaN};
            Limits limits = limits(nav);
            String title = file.getFileName() == null ? "" : stem(file.getFileName().toString());
            if (meta != null) {
                Located m = resolve(new Located(meta, ""), "meta");
                if (m.node().isObject() && m.node().path("title").isTextual()) {
                    title = m.node().get("title").asText();
                }
            }
            Plan plan = new Plan(title, limits, trajectories, lights, List.of());
            return new SkycShow(plan, names, env, nav[0], extras());
        }

        private Extras extras() {
            byte[] audio = null;
            String audioName = null;
            double start = 0;
            if (media != null && media.isObject() && media.has("audio")) {
                Located a = resolve(new Located(media.get("audio"), ""), "media.audio");
                JsonNode data = a.node().get("data");
                if (data == null || !data.isObject() || !data.path("$ref").isTextual()) {
                    throw new InputException(null, "media.audio.data", "expected {\"$ref\": \"<entry>\"} naming the audio "
                            + "in the archive", HINT);
                }
                String entry = entryPath(a.dir(), data.get("$ref").asText(), "media.audio.data", data.get("$ref").asText());
                try (InputStream in = zip.open(entry)) {
                    audio = in.readAllBytes();
                } catch (IOException e) {
                    throw new InputException(null, "media.audio.data", "cannot read " + entry + ": " + e.getMessage(), HINT);
                }
                audioName = a.node().path("filename").isTextual() ? a.node().get("filename").asText() : null;
                if (a.node().has("startTime")) {
                    start = finite(a.node().get("startTime"), "media.audio.startTime");
                }
            }
            double[] origin = null;
            double orientation = Double.NaN;
            List<String> cameras = new ArrayList<>();
            if (environment != null && environment.isObject()) {
                JsonNode loc = environment.get("location");
                if (loc != null && loc.isObject()) {
                    JsonNode o = loc.get("origin");
                    if (o == null || !o.isArray() || o.size() < 2 || o.size() > 3) {
                        throw new InputException(null, "environment.location.origin",
                                "expected [longitude, latitude] or [longitude, latitude, altitude]", HINT);
                    }
                    origin = new double[o.size()];
                    for (int i = 0; i < o.size(); i++) {
                        origin[i] = finite(o.get(i), "environment.location.origin[" + i + "]");
                    }
                    orientation = finite(loc.get("orientation"), "environment.location.orientation");
                }
                JsonNode cams = environment.get("cameras");
                if (cams != null && cams.isArray()) {
                    for (JsonNode c : cams) {
                        cameras.add(c.path("name").asText(""));
                    }
                }
            }
            return new Extras(audio, audioName, start, origin, orientation, cameras);
        }

        private Limits limits(double[] nav) {
            if (settings == null || settings.isNull()) {
                return Limits.NONE;
            }
            Located s = resolve(new Located(settings, ""), "settings");
            if (!s.node().isObject()) {
                throw new InputException(null, "settings", "must be an object", HINT);
            }
            Located v = member(s, "validation", "settings", false);
            if (v == null || v.node().isNull()) {
                return Limits.NONE;
            }
            if (!v.node().isObject()) {
                throw new InputException(null, "settings.validation", "must be an object", HINT);
            }
            double minDist = bound(v, "minDistance");
            double xy = bound(v, "maxVelocityXY");
            double z = bound(v, "maxVelocityZ");
            double up = bound(v, "maxVelocityZUp");
            double down = bound(v, "maxVelocityZDown");
            double alt = Double.NaN;
            Located a = member(v, "maxAltitude", "settings.validation", false);
            if (a != null && !a.node().isNull()) {
                alt = finite(a.node(), "settings.validation.maxAltitude");
            }
            Located n = member(v, "minNavAltitude", "settings.validation", false);
            if (n != null && !n.node().isNull()) {
                nav[0] = finite(n.node(), "settings.validation.minNavAltitude");
            }
            return new Limits(minDist, xy, Limits.given(up) ? up : z, Limits.given(down) ? down : z,
                    Double.NaN, Double.NaN, alt, null);
        }

        /** A positive bound from {@code settings.validation}, or NaN when absent. */
        private double bound(Located v, String field) {
            String path = "settings.validation." + field;
            Located n = member(v, field, "settings.validation", false);
            if (n == null || n.node().isNull()) {
                return Double.NaN;
            }
            double x = finite(n.node(), path);
            if (!(x > 0)) {
                throw new InputException(null, path, "must be positive, was " + x, null);
            }
            return x;
        }

        private void requireVersion(Located v, String path, String what) {
            if (v == null || !v.node().isIntegralNumber() || v.node().asInt() != 1) {
                throw new InputException(null, path + ".version", (v == null ? "missing " : "unsupported ") + what
                        + " version" + (v == null ? "" : " " + v.node()), "Starling reads version 1 " + what + "s");
            }
        }

        /** Member {@code field} of an object, with references resolved; null when absent and optional. */
        private Located member(Located obj, String field, String path, boolean required) {
            JsonNode n = obj.node().get(field);
            if (n == null) {
                if (required) {
                    throw new InputException(null, path + "." + field, "missing", HINT);
                }
                return null;
            }
            return resolve(new Located(n, obj.dir()), path + "." + field);
        }

        /** Follows {@code {"$ref": "path#pointer"}} values to the value they name. */
        private Located resolve(Located v, String path) {
            Located cur = v;
            for (int depth = 0; isRef(cur.node()); depth++) {
                if (depth >= MAX_REF_DEPTH) {
                    throw new InputException(null, path, "more than " + MAX_REF_DEPTH
                            + " chained $refs (a cycle?)", "point each $ref at the file that holds the value");
                }
                JsonNode r = cur.node().get("$ref");
                if (!r.isTextual()) {
                    throw new InputException(null, path + ".$ref", "a $ref must be a string", null);
                }
                String ref = r.asText();
                int hash = ref.indexOf('#');
                String target = hash < 0 ? ref : ref.substring(0, hash);
                String pointer = hash < 0 ? "" : ref.substring(hash + 1);
                String entry = entryPath(cur.dir(), target, path, ref);
                JsonNode doc = parseEntry(entry, path);
                JsonNode at;
                try {
                    at = pointer.isEmpty() ? doc : doc.at(JsonPointer.compile(pointer));
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, path + ".$ref", "bad JSON pointer '" + pointer + "' in $ref '"
                            + ref + "'", "a fragment is a JSON pointer such as #/points");
                }
                if (at == null || at.isMissingNode()) {
                    throw new InputException(null, path + ".$ref", "'" + ref + "' names nothing in " + entry, null);
                }
                int slash = entry.lastIndexOf('/');
                cur = new Located(at, slash < 0 ? "" : entry.substring(0, slash + 1));
            }
            return cur;
        }

        private static boolean isRef(JsonNode n) {
            return n != null && n.isObject() && n.has("$ref");
        }

        /** The archive entry a reference names, relative to {@code dir}; refuses escapes. */
        private String entryPath(String dir, String target, String path, String ref) {
            if (target.isEmpty()) {
                throw new InputException(null, path + ".$ref", "'" + ref + "' refers into its own document",
                        "Starling resolves $refs to other files of the archive, such as ./drones/drone_01/trajectory.json#");
            }
            if (target.startsWith("/") || target.contains("\\") || target.contains(":")) {
                throw new InputException(null, path + ".$ref", "'" + ref + "' is not a relative path inside the archive", null);
            }
            List<String> parts = new ArrayList<>();
            for (String seg : (dir + target).split("/")) {
                if (seg.isEmpty() || seg.equals(".")) {
                    continue;
                }
                if (seg.equals("..")) {
                    throw new InputException(null, path + ".$ref", "'" + ref + "' contains '..'",
                            "a $ref may only point into the archive, never outside or upwards");
                }
                parts.add(seg);
            }
            String entry = String.join("/", parts);
            if (!zip.contains(entry)) {
                throw new InputException(null, path + ".$ref", "'" + ref + "' points to " + entry
                        + ", which is not in the archive", null);
            }
            return entry;
        }

        private JsonNode parseEntry(String entry, String path) {
            try (InputStream in = zip.open(entry)) {
                return MAPPER.readTree(FACTORY.createParser(in));
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                throw new InputException(zip.label() + "!" + entry, path, loc == null ? 0 : loc.getLineNr(),
                        loc == null ? 0 : loc.getColumnNr(), "malformed JSON: " + e.getOriginalMessage(), null);
            } catch (IOException e) {
                throw new InputException(null, path, "cannot read " + entry + ": " + e.getMessage(), null);
            }
        }

        private static double finite(JsonNode n, String path) {
            if (n == null || !n.isNumber()) {
                throw new InputException(null, path, "expected a number", null);
            }
            double v = n.asDouble();
            if (!Double.isFinite(v)) {
                throw new InputException(null, path, "expected a finite number, was " + v, null);
            }
            if (Math.abs(v) > MAX_MAGNITUDE) {
                throw new InputException(null, path, "expected a number from -1e9 to 1e9, was " + v, null);
            }
            return v;
        }

        private static String stem(String name) {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
