package dev.starling.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.base.AtomicFiles;
import dev.starling.io.OrderedPipeline;
import dev.starling.trajectory.SegmentIndex;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.light.effect.TransitionLights;
import dev.starling.plan.EffectSpan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.LightLimits;
import dev.starling.audio.BeatGrid;
import dev.starling.show.Cue;
import dev.starling.show.Music;
import dev.starling.show.Pin;
import dev.starling.show.Timeline;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starling's own plan file, {@code starling-plan/1}: lossless (every double is written in its
 * shortest round-tripping decimal form), versioned, deterministic (same plan, same bytes).
 * Documented in {@code docs/plan-format.md}.
 *
 * <pre>
 * { "format": "starling-plan/1", "name": "...",
 *   "limits": { "minSeparation": 1.5, ..., "geofence": [[x, y], ...] },   // absent bounds: not given
 *   "timeline": { "music": { "file": "soundtrack.mp3", "format": "mp3", "offset": 0, "duration": 376 },
 *                 "beats": { "bpm": 96, "offset": 0, "beatsPerBar": 4 },
 *                 "cues": [ { "name": "chorus", "time": 145 } ] },                 // optional
 *   "scenes": [ { "name": "...", "start": 0, "holdStart": 12.5, "holdEnd": 22.5,
 *                 "at": { "written": "chorus", "time": 12.5 }, "until": {...},    // pins optional
 *                 "transitionLights": "crossfade", "dimLevel": 0.2,              // dimLevel with "dim"
 *                 "effects": [ { "type": "sweep", "start": 40.1, "end": 57.5, "spec": {...} } ] } ],
 *   "lightLimits": { "maxFlashRate": 3, "flashArea": 0.2, "flashContrast": 0.2,
 *                    "darkOnGround": true, "darkDuringTakeoff": false },
 *   "drones": [ { "name": "drone-00001",
 *                 "start": [t0, x, y, z],
 *                 "segments": [ [t, x, y, z], [t, cx, cy, cz, x, y, z], [t, c1.., c2.., x, y, z] ],
 *                 "lights": [ [t, r, g, b, fade], ... ] } ] }
 * </pre>
 * A segment's length says its degree (4: line, 7: quadratic, 10: cubic Bézier); {@code t} is the
 * time it ends. A light keyframe with fade 1 ramps from the previous keyframe. The music file is
 * named relative to the plan file's folder (absolute when written to a stream).
 */
public final class PlanJson {
    public static final String FORMAT = "starling-plan/1";
    private static final String[] LIMIT_NAMES = {"minSeparation", "maxSpeedXY", "maxSpeedUp", "maxSpeedDown",
        "maxAcceleration", "minAltitude", "maxAltitude"};

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build())
            // Schubfach: the shortest decimal that reads back as the same double, 2-3x faster
            // than Double.toString on JDK 17 and the same text on every JDK (Double.toString
            // changed in JDK 19), so a plan's bytes do not depend on the JDK that wrote it
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            // FastDoubleParser: correctly rounded like Double.parseDouble, several times faster
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private PlanJson() {
    }

    /** Writes {@code plan} to {@code file} atomically. */
    public static void write(Plan plan, Path file) throws IOException {
        try (AtomicFiles.Staged staged = stage(plan, file)) {
            staged.commit();
        }
    }

    /**
     * Writes {@code plan} to a temporary file beside {@code file}, to be renamed over it by
     * {@link AtomicFiles.Staged#commit} (the same bytes {@link #write(Plan, Path)} writes).
     */
    public static AtomicFiles.Staged stage(Plan plan, Path file) throws IOException {
        return stage(plan, file, null);
    }

    /**
     * {@link #stage(Plan, Path)}, copying from {@code memo} (if not null) the text of every
     * Bézier segment that the plan it wrote last has too, bit for bit, and keeping this plan's
     * for the next: the same bytes either way.
     */
    public static AtomicFiles.Staged stage(Plan plan, Path file, Memo memo) throws IOException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        return AtomicFiles.stage(file, out -> write(plan, out, dir, memo));
    }

    /** Writes {@code plan} as JSON to {@code out} (not closed); the music file is named by its absolute path. */
    public static void write(Plan plan, OutputStream out) throws IOException {
        write(plan, out, null);
    }

    private static void write(Plan plan, OutputStream out, Path dir) throws IOException {
        write(plan, out, dir, null);
    }

    private static void write(Plan plan, OutputStream out, Path dir, Memo memo) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("name", plan.name());
            writeLimits(g, plan.limits());
            LightLimits ll = plan.lightLimits();
            g.writeObjectFieldStart("lightLimits");
            g.writeNumberField("maxFlashRate", ll.maxFlashRate());
            g.writeNumberField("flashArea", ll.flashArea());
            g.writeNumberField("flashContrast", ll.flashContrast());
            g.writeBooleanField("darkOnGround", ll.darkOnGround());
            g.writeBooleanField("darkDuringTakeoff", ll.darkDuringTakeoff());
            g.writeEndObject();
            writeTimeline(g, plan.timeline(), dir);
            g.writeArrayFieldStart("scenes");
            for (SceneSpan s : plan.scenes()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("start", s.start());
                g.writeNumberField("holdStart", s.holdStart());
                g.writeNumberField("holdEnd", s.holdEnd());
                writePin(g, "at", s.at());
                writePin(g, "until", s.until());
                g.writeStringField("transitionLights", s.lights().written());
                if (s.lights().mode() == TransitionLights.Mode.DIM) {
                    g.writeNumberField("dimLevel", s.lights().level());
                }
                if (!s.effects().isEmpty()) {
                    g.writeArrayFieldStart("effects");
                    for (EffectSpan e : s.effects()) {
                        g.writeStartObject();
                        g.writeStringField("type", e.type());
                        g.writeNumberField("start", e.start());
                        g.writeNumberField("end", e.end());
                        g.writeFieldName("spec");
                        g.writeRawValue(e.spec());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("drones");
            g.flush();
            // Each drone is formatted on a worker into its own bytes and written in drone order,
            // so the file does not depend on scheduling; the separators are the ones one
            // generator writes ("\n{" first, "\n,{" after).
            Memo.Round round = memo == null ? null : memo.round(plan);
            OrderedPipeline.run(plan.droneCount(), i -> droneJson(plan, i, round), (i, bytes) -> {
                out.write(i == 0 ? NEWLINE : NEWLINE_COMMA);
                out.write(bytes);
            });
            if (round != null) {
                memo.keep(round);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] NEWLINE_COMMA = {'\n', ','};

    /**
     * One drone's object: name, start, segments and lights, as UTF-8 JSON, byte for byte what a
     * generator of {@link #FACTORY} writes (numbers by the same {@link NumberOutput}), built
     * directly: a generator per drone and its per-value checks cost more than the numbers, and
     * the one method they inlined into was the plan write's largest compile.
     */
    static byte[] droneJson(Plan plan, int i) {
        return droneJson(plan, i, null);
    }

    /**
     * {@link #droneJson(Plan, int)}, copying each segment's text from {@code round}'s last plan
     * where it has the same segment, and noting where each segment's text lies (if round is not null).
     */
    private static byte[] droneJson(Plan plan, int i, Memo.Round round) {
        Trajectory tr = plan.trajectories().get(i);
        LightProgram lp = plan.lights().get(i);
        DroneBytes out = new DroneBytes(64 + tr.segmentCount() * 160 + lp.size() * 24);
        out.ascii("{\"name\":\"");
        out.bytes(JsonStringEncoder.getInstance().quoteAsUTF8(Plan.droneName(i)));
        out.ascii("\",\"start\":[");
        out.number(tr.startTime());
        for (int a = 0; a < 3; a++) {
            out.comma().coordinate(a, tr.control(0, 0, a));
        }
        out.ascii("],\"segments\":[");
        for (int s = 0; s < tr.segmentCount(); s++) {
            if (s > 0) {
                out.comma();
            }
            int g = round == null ? -1 : round.now.first(i) + s;
            int from = out.n;
            int o = g < 0 ? -1 : round.old(g);
            if (o >= 0) {
                out.bytes(round.before.drones[round.before.now.droneOf(o)], round.before.from[o],
                        round.before.to[o] - round.before.from[o]);
            } else {
                out.open().number(tr.knot(s + 1));
                for (int k = 1; k <= tr.degree(s); k++) {
                    for (int a = 0; a < 3; a++) {
                        out.comma().coordinate(a, tr.control(s, k, a));
                    }
                }
                out.close();
            }
            if (g >= 0) {
                round.from[g] = from;
                round.to[g] = out.n;
            }
        }
        out.ascii("],\"lights\":[");
        for (int k = 0; k < lp.size(); k++) {
            if (k > 0) {
                out.comma();
            }
            int c = lp.rgb(k);
            out.open().number(lp.time(k)).comma().number((c >> 16) & 255).comma().number((c >> 8) & 255)
                    .comma().number(c & 255).comma().number(lp.fade(k) ? 1 : 0).close();
        }
        out.ascii("]}");
        byte[] bytes = out.toByteArray();
        if (round != null) {
            round.drones[i] = bytes;
        }
        return bytes;
    }

    /**
     * The text of the plan a writer last wrote, kept for the next plan of an edited copy of the
     * same show ({@code plan --watch}, the show preview): a Bézier segment's text is a function of
     * the segment alone, so each segment that the last plan has too, bit for bit (found by
     * {@link SegmentIndex}, wherever it sits), is copied instead of formatted again. It holds the
     * last plan's drone texts (about the size of plan.json) and where each segment's text lies.
     * One write at a time.
     */
    public static final class Memo {
        private Round last;

        /** An empty memo: the first plan written with it is formatted in full. */
        public Memo() {
        }

        /** How many segments of the last plan written with this memo were copied from the one before. */
        public synchronized int copiedSegments() {
            return last == null ? 0 : last.copied;
        }

        private synchronized Round round(Plan plan) {
            return new Round(SegmentIndex.of(plan.trajectories()), plan.droneCount(), last);
        }

        private synchronized void keep(Round round) {
            round.before = null;
            round.old = null;
            last = round;
        }

        /** One plan's write: its segments, the last plan's match for each, and where each one's text lies. */
        private static final class Round {
            final SegmentIndex now;
            Round before;
            int[] old;
            final int copied;
            final byte[][] drones;
            final int[] from;
            final int[] to;

            Round(SegmentIndex now, int drones, Round before) {
                this.now = now;
                this.before = before;
                old = now.match(before == null ? null : before.now);
                copied = SegmentIndex.matched(old);
                this.drones = new byte[drones][];
                from = new int[now.count()];
                to = new int[now.count()];
            }

            int old(int g) {
                return old == null ? -1 : old[g];
            }
        }
    }

    /** A growable byte buffer with the few JSON tokens {@link #droneJson} writes. */
    private static final class DroneBytes {
        private byte[] buf;
        private int n;
        // per axis, the last coordinate written: its bits and where its text lies in buf
        private final long[] lastBits = new long[3];
        private final int[] lastFrom = new int[3], lastTo = new int[3];

        DroneBytes(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
            }
        }

        /** Text of ASCII characters only (structure, field names, numbers). */
        DroneBytes ascii(String text) {
            int len = text.length();
            room(len);
            for (int k = 0; k < len; k++) {
                buf[n++] = (byte) text.charAt(k);
            }
            return this;
        }

        DroneBytes bytes(byte[] b) {
            return bytes(b, 0, b.length);
        }

        DroneBytes bytes(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, n, len);
            n += len;
            return this;
        }

        /** A double as {@link JsonGenerator#writeNumber(double)} writes it with the fast writer (finite). */
        DroneBytes number(double v) {
            return ascii(NumberOutput.toString(v, true));
        }

        /**
         * Coordinate {@code axis} of a point: the text of the previous one on that axis again
         * when it is the same double (a hold repeats its point: 4 in 10 coordinates of the
         * flagship), else {@link #number(double)}.
         */
        DroneBytes coordinate(int axis, double v) {
            long bits = Double.doubleToRawLongBits(v);
            if (lastTo[axis] > 0 && bits == lastBits[axis]) {
                int len = lastTo[axis] - lastFrom[axis];
                room(len);
                System.arraycopy(buf, lastFrom[axis], buf, n, len);
                n += len;
                return this;
            }
            int from = n;
            number(v);
            lastBits[axis] = bits;
            lastFrom[axis] = from;
            lastTo[axis] = n;
            return this;
        }

        DroneBytes number(int v) {
            room(11);
            n = NumberOutput.outputInt(v, buf, n);
            return this;
        }

        DroneBytes comma() {
            return single((byte) ',');
        }

        DroneBytes open() {
            return single((byte) '[');
        }

        DroneBytes close() {
            return single((byte) ']');
        }

        private DroneBytes single(byte b) {
            room(1);
            buf[n++] = b;
            return this;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, n);
        }
    }

    private static void writeTimeline(JsonGenerator g, Timeline tl, Path dir) throws IOException {
        if (tl.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("timeline");
        Music m = tl.music();
        if (m != null) {
            g.writeObjectFieldStart("music");
            Path f = m.file().toAbsolutePath().normalize();
            String name = f.toString();
            if (dir != null && f.getRoot() != null && f.getRoot().equals(dir.getRoot())) {
                name = dir.relativize(f).toString().replace('\\', '/');
            }
            g.writeStringField("file", name);
            g.writeStringField("format", m.format());
            g.writeNumberField("offset", m.offset());
            g.writeNumberField("duration", m.duration());
            g.writeEndObject();
        }
        BeatGrid b = tl.beats();
        if (b != null) {
            g.writeObjectFieldStart("beats");
            g.writeNumberField("bpm", b.bpm());
            g.writeNumberField("offset", b.offset());
            g.writeNumberField("beatsPerBar", b.beatsPerBar());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("cues");
        for (Cue c : tl.cues()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeNumberField("time", c.time());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writePin(JsonGenerator g, String field, Pin p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("written", p.written());
        g.writeNumberField("time", p.time());
        g.writeEndObject();
    }

    private static Timeline readTimeline(JsonNode t, Path dir) {
        if (t == null || t.isMissingNode() || t.isNull()) {
            return Timeline.NONE;
        }
        if (!t.isObject()) {
            throw new InputException(null, "timeline", "\"timeline\" must be an object", null);
        }
        Music music = null;
        JsonNode m = t.get("music");
        if (m != null) {
            if (!m.isObject() || !m.path("file").isTextual() || !m.path("format").isTextual()) {
                throw new InputException(null, "timeline.music", "\"music\" needs \"file\" and \"format\"", null);
            }
            Path f;
            try {
                f = (dir == null ? Path.of(m.get("file").asText()) : dir.resolve(m.get("file").asText()))
                        .toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new InputException(null, "timeline.music.file", "not a path: " + e.getReason(), null);
            }
            music = new Music(f, m.get("format").asText(), num(m, "offset", "timeline.music"),
                    num(m, "duration", "timeline.music"));
        }
        BeatGrid beats = null;
        JsonNode b = t.get("beats");
        if (b != null) {
            try {
                beats = new BeatGrid(num(b, "bpm", "timeline.beats"), num(b, "offset", "timeline.beats"),
                        (int) num(b, "beatsPerBar", "timeline.beats"));
            } catch (IllegalArgumentException e) {
                throw new InputException(null, "timeline.beats", e.getMessage(), null);
            }
        }
        List<Cue> cues = new ArrayList<>();
        JsonNode cs = optionalArray(t, "cues", "timeline.cues");
        for (int i = 0; i < cs.size(); i++) {
            String p = "timeline.cues[" + i + "]";
            JsonNode c = cs.get(i);
            if (!c.path("name").isTextual()) {
                throw new InputException(null, p, "a cue is {\"name\", \"time\"}", null);
            }
            cues.add(new Cue(c.get("name").asText(), num(c, "time", p), p));
        }
        return new Timeline(music, cues, beats);
    }

    private static Pin readPin(JsonNode s, String field, String p) {
        JsonNode v = s.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.path("written").isTextual()) {
            throw new InputException(null, p + "." + field, "a pin is {\"written\", \"time\"}", null);
        }
        return new Pin(v.get("written").asText(), num(v, "time", p + "." + field));
    }

    private static void writeLimits(JsonGenerator g, Limits l) throws IOException {
        g.writeObjectFieldStart("limits");
        double[] v = {l.minSeparation(), l.maxSpeedXY(), l.maxSpeedUp(), l.maxSpeedDown(),
            l.maxAcceleration(), l.minAltitude(), l.maxAltitude()};
        for (int i = 0; i < v.length; i++) {
            if (Limits.given(v[i])) {
                g.writeNumberField(LIMIT_NAMES[i], v[i]);
            }
        }
        double[][] fence = l.geofence();
        if (fence != null) {
            g.writeArrayFieldStart("geofence");
            for (double[] p : fence) {
                g.writeArray(p, 0, 2);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Reads a plan file; any defect is an {@link InputException} naming the file and JSON path. */
    public static Plan read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, file.toAbsolutePath().normalize().getParent());
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found", "check the path");
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(), null);
        }
    }

    /** Reads a plan from {@code in}; {@code name} labels errors. */
    public static Plan read(InputStream in, String name) {
        return read(in, name, null);
    }

    private static Plan read(InputStream in, String name, Path dir) {
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper(FACTORY);
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputException(name, null, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "malformed JSON: " + e.getOriginalMessage(),
                    "a plan.json is written by 'starling plan'; regenerate it rather than editing by hand");
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(), null);
        }
        try {
            return fromTree(root, dir);
        } catch (InputException e) {
            throw e.inFile(name).withDefaultHint("a plan.json is written by 'starling plan': plan the show again");
        }
    }

    private static Plan fromTree(JsonNode root, Path dir) {
        if (root == null || !root.isObject()) {
            throw new InputException(null, "$", "a plan file must be a JSON object", null);
        }
        JsonNode fmt = root.get("format");
        if (fmt == null || !fmt.isTextual()) {
            throw new InputException(null, "format", "missing \"format\"", "a plan file starts with \"format\": \"" + FORMAT + "\"");
        }
        if (!FORMAT.equals(fmt.asText())) {
            throw new InputException(null, "format", "unsupported format \"" + fmt.asText() + "\"",
                    "this Starling reads " + FORMAT);
        }
        String title = root.path("name").asText("");
        Limits limits = readLimits(root.path("limits"));
        List<SceneSpan> scenes = new ArrayList<>();
        JsonNode sc = optionalArray(root, "scenes", "scenes");
        for (int i = 0; i < sc.size(); i++) {
            JsonNode s = sc.get(i);
            String p = "scenes[" + i + "]";
            if (!s.isObject()) {
                throw new InputException(null, p, "a scene is an object {\"name\", \"start\", \"holdStart\", \"holdEnd\"}", null);
            }
            try {
                scenes.add(new SceneSpan(s.path("name").asText(""), num(s, "start", p), num(s, "holdStart", p),
                        num(s, "holdEnd", p), readPin(s, "at", p), readPin(s, "until", p), readEffects(s, p),
                        readTransitionLights(s, p)));
            } catch (IllegalArgumentException e) {
                throw new InputException(null, p, e.getMessage(), null);
            }
        }
        JsonNode drones = root.get("drones");
        if (drones == null || !drones.isArray() || drones.isEmpty()) {
            throw new InputException(null, "drones", "a plan needs a non-empty \"drones\" array", null);
        }
        if (drones.size() > Show.MAX_DRONES) {
            throw new InputException(null, "drones", drones.size() + " drones is more than the "
                    + Show.MAX_DRONES + " Starling accepts", "split the show into sub-fleets");
        }
        List<Trajectory> trs = new ArrayList<>(drones.size());
        List<LightProgram> lights = new ArrayList<>(drones.size());
        for (int i = 0; i < drones.size(); i++) {
            String p = "drones[" + i + "]";
            JsonNode d = drones.get(i);
            if (!d.isObject()) {
                throw new InputException(null, p, "a drone is an object {\"name\", \"start\", \"segments\", \"lights\"}", null);
            }
            trs.add(readTrajectory(d, p));
            lights.add(readLights(optionalArray(d, "lights", p + ".lights"), p + ".lights"));
        }
        return new Plan(title, limits, trs, lights, scenes, readTimeline(root.get("timeline"), dir),
                readLightLimits(root.get("lightLimits")));
    }

    private static List<EffectSpan> readEffects(JsonNode s, String p) {
        JsonNode list = s.get("effects");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InputException(null, p + ".effects", "\"effects\" must be an array", null);
        }
        List<EffectSpan> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonNode e = list.get(k);
            String q = p + ".effects[" + k + "]";
            if (!e.isObject() || !e.path("type").isTextual() || !e.path("spec").isObject()) {
                throw new InputException(null, q, "an effect is {\"type\", \"start\", \"end\", \"spec\": {...}}", null);
            }
            out.add(new EffectSpan(e.get("type").asText(), num(e, "start", q), num(e, "end", q), e.get("spec").toString()));
        }
        return out;
    }

    private static TransitionLights readTransitionLights(JsonNode s, String p) {
        JsonNode m = s.get("transitionLights");
        if (m == null || m.isNull()) {
            return TransitionLights.CROSSFADE;
        }
        int k = TransitionLights.NAMES.indexOf(m.asText());
        if (k < 0) {
            throw new InputException(null, p + ".transitionLights", "unknown transitionLights \"" + m.asText() + "\"",
                    "one of " + String.join(", ", TransitionLights.NAMES));
        }
        TransitionLights.Mode mode = TransitionLights.Mode.values()[k];
        double level = mode == TransitionLights.Mode.DIM ? s.path("dimLevel").asDouble(TransitionLights.DEFAULT_DIM_LEVEL) : 1;
        try {
            return new TransitionLights(mode, level);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, p + ".dimLevel", e.getMessage(), null);
        }
    }

    private static LightLimits readLightLimits(JsonNode l) {
        if (l == null || l.isNull()) {
            return LightLimits.FLIGHT_FILE;
        }
        LightLimits d = LightLimits.FLIGHT_FILE;
        try {
            return new LightLimits(l.path("maxFlashRate").asDouble(d.maxFlashRate()),
                    l.path("flashArea").asDouble(d.flashArea()), l.path("flashContrast").asDouble(d.flashContrast()),
                    l.path("darkOnGround").asBoolean(d.darkOnGround()),
                    l.path("darkDuringTakeoff").asBoolean(d.darkDuringTakeoff()));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "lightLimits", e.getMessage(), null);
        }
    }

    private static Limits readLimits(JsonNode l) {
        if (!l.isMissingNode() && !l.isObject()) {
            throw new InputException(null, "limits", "\"limits\" must be an object", null);
        }
        double[] v = new double[LIMIT_NAMES.length];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = l.get(LIMIT_NAMES[i]);
            v[i] = n == null ? Double.NaN : finite(n, "limits." + LIMIT_NAMES[i]);
        }
        double[][] fence = null;
        JsonNode g = l.get("geofence");
        if (g != null && !g.isNull()) {
            if (!g.isArray()) {
                throw new InputException(null, "limits.geofence", "the geofence must be an array of [x, y] vertices", null);
            }
            fence = new double[g.size()][];
            for (int i = 0; i < g.size(); i++) {
                String p = "limits.geofence[" + i + "]";
                JsonNode pt = g.get(i);
                if (!pt.isArray() || pt.size() != 2) {
                    throw new InputException(null, p, "a geofence vertex must be [x, y]", null);
                }
                fence[i] = new double[] {finite(pt.get(0), p + "[0]"), finite(pt.get(1), p + "[1]")};
            }
        }
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], fence);
    }

    private static Trajectory readTrajectory(JsonNode d, String p) {
        JsonNode start = d.get("start");
        if (start == null || !start.isArray() || start.size() != 4) {
            throw new InputException(null, p + ".start", "must be [t, x, y, z]", null);
        }
        Trajectory.Builder b;
        try {
            b = Trajectory.startingAt(finite(start.get(0), p + ".start[0]"), finite(start.get(1), p + ".start[1]"),
                    finite(start.get(2), p + ".start[2]"), finite(start.get(3), p + ".start[3]"));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, p + ".start", e.getMessage(), null);
        }
        JsonNode segs = d.get("segments");
        if (segs == null || !segs.isArray() || segs.isEmpty()) {
            throw new InputException(null, p + ".segments", "a drone needs at least one segment", null);
        }
        double[] pts = new double[9];
        for (int s = 0; s < segs.size(); s++) {
            String sp = p + ".segments[" + s + "]";
            JsonNode seg = segs.get(s);
            int len = seg.size();
            if (!seg.isArray() || (len != 4 && len != 7 && len != 10)) {
                throw new InputException(null, sp, "a segment is [t, x, y, z] (line), 7 numbers (quadratic) or 10 (cubic)", null);
            }
            for (int k = 1; k < len; k++) {
                pts[k - 1] = finite(seg.get(k), sp + "[" + k + "]");
            }
            double t = finite(seg.get(0), sp + "[0]");
            if (t > b.endTime() && t - b.endTime() < 1e-6) {
                // shorter segments overflow their speed (the verifier got NaN from 1e-300 s); plans use a 1 ms grid
                throw new InputException(null, sp, "segment end " + t + " s is less than 1 µs after its start "
                        + b.endTime() + " s", null);
            }
            try {
                b.segment(t, (len - 1) / 3, pts);
            } catch (IllegalArgumentException e) {
                throw new InputException(null, sp, e.getMessage(), null);
            }
        }
        return b.build();
    }

    private static LightProgram readLights(JsonNode l, String p) {
        LightProgram.Builder b = LightProgram.builder();
        for (int k = 0; k < l.size(); k++) {
            String kp = p + "[" + k + "]";
            JsonNode e = l.get(k);
            if (!e.isArray() || e.size() != 5) {
                throw new InputException(null, kp, "a light keyframe is [t, r, g, b, fade]", null);
            }
            int[] c = new int[3];
            for (int a = 0; a < 3; a++) {
                JsonNode n = e.get(1 + a);
                if (!n.isInt() || n.asInt() < 0 || n.asInt() > 255) {
                    throw new InputException(null, kp + "[" + (1 + a) + "]", "a colour channel must be an integer 0..255", null);
                }
                c[a] = n.asInt();
            }
            int rgb = (c[0] << 16) | (c[1] << 8) | c[2];
            double t = finite(e.get(0), kp + "[0]");
            JsonNode fade = e.get(4);
            if (!fade.isInt() || (fade.asInt() != 0 && fade.asInt() != 1)) {
                throw new InputException(null, kp + "[4]", "the fade flag must be 0 (step) or 1 (fade)", null);
            }
            try {
                if (fade.asInt() == 1 && b.size() > 0) {
                    b.fadeTo(t, rgb);
                } else {
                    b.set(t, rgb);
                }
            } catch (IllegalArgumentException ex) {
                throw new InputException(null, kp, ex.getMessage(), null);
            }
        }
        return b.build();
    }

    /** The array field {@code field} of {@code o}, or an empty array when it is absent or null. */
    private static JsonNode optionalArray(JsonNode o, String field, String p) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!n.isArray()) {
            throw new InputException(null, p, "\"" + field + "\" must be an array", null);
        }
        return n;
    }

    private static double num(JsonNode o, String field, String p) {
        JsonNode n = o.get(field);
        if (n == null) {
            throw new InputException(null, p + "." + field, "missing", null);
        }
        return finite(n, p + "." + field);
    }

    private static double finite(JsonNode n, String p) {
        if (n == null || !n.isNumber()) {
            throw new InputException(null, p, "expected a number", null);
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new InputException(null, p, "expected a finite number, was " + v, null);
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            // no plan reaches it; 1e308 crashed the verifier and overflows the exporters' mm grid
            throw new InputException(null, p, "expected a number from -1e9 to 1e9, was " + v, null);
        }
        return v;
    }

    /** Largest magnitude of any number in a plan file (seconds, metres, m/s). */
    static final double MAX_MAGNITUDE = 1e9;
}
