package dev.starling.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.io.FlightFiles;
import dev.starling.io.FlightFiles.Flight;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.CheckResult;
import dev.starling.verify.VerificationReport.Violation;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starling validate}: runs the independent {@link Verifier} on a flight file — Starling's
 * plan.json, a Skybrush {@code .skyc}, or Skybrush CSV (ZIP or folder) — against the limits the
 * file carries, a limits file and flags (flags win), and prints a table or JSON built from the
 * same {@link VerificationReport}. Exit 0 clean, 1 violations, 2 unreadable input.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a flight file independently: separation of airborne drones in continuous time,",
            "horizontal/climb/descent speed, acceleration, altitude band, geofence and the spacing",
            "of takeoff and landing pads. Reads plan.json (from 'starling plan'), a Skybrush .skyc,",
            "or Skybrush CSV (a ZIP or a folder of per-drone .csv files).",
            "",
            "Only limits that are given are checked. They come from the file (plan.json's limits,",
            "a .skyc's settings.validation), then --limits, then the flags; a later source wins",
            "for each limit, and the report says where every limit came from. A .skyc from",
            "another tool has no acceleration or minimum-altitude limit: give them as flags.",
            "",
            "Examples:",
            "  starling validate out/chongqing/plan.json",
            "  starling validate show.skyc --max-acceleration 4 --min-altitude 5",
            "  starling validate flights.zip --limits shows/chongqing/show.json --json > report.json",
            "  starling validate csv-folder/ --min-separation 2 --max-speed-xy 8 --max-altitude 120",
            "  starling validate show.skyc --ground-altitude 1.5   # enforce separation from 1.5 m up",
            ""},
        footer = {"", "Exit codes: 0 every checked limit holds, 1 violations, 2 unreadable input or command line."})
final class ValidateCommand implements Callable<Integer> {
    /** Format tag of the --json output. */
    static final String JSON_FORMAT = "starling-validation/1";
    /** The limit names shared with the show file's "limits" and plan.json. */
    static final String[] LIMIT_NAMES = {"minSeparation", "maxSpeedXY", "maxSpeedUp", "maxSpeedDown",
        "maxAcceleration", "minAltitude", "maxAltitude"};
    private static final String[] UNITS = {"m", "m/s", "m/s", "m/s", "m/s²", "m", "m"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "plan.json, .skyc, Skybrush CSV ZIP or a folder of Skybrush .csv files")
    Path input;

    @Option(names = "--limits", paramLabel = "LIMITS.json",
            description = "JSON object with any of minSeparation, maxSpeedXY, maxSpeedUp, maxSpeedDown, "
                    + "maxAcceleration, minAltitude, maxAltitude, geofence (a show file works: its \"limits\" are used)")
    Path limitsFile;

    @Option(names = "--json", description = "print the report as JSON (format " + JSON_FORMAT + ")")
    boolean json;

    @Option(names = "--min-separation", paramLabel = "M", description = "closest two airborne drones may come, m")
    Double minSeparation;

    @Option(names = "--max-speed-xy", paramLabel = "V", description = "horizontal speed limit, m/s")
    Double maxSpeedXY;

    @Option(names = "--max-speed-up", paramLabel = "V", description = "climb rate limit, m/s")
    Double maxSpeedUp;

    @Option(names = "--max-speed-down", paramLabel = "V", description = "descent rate limit, m/s")
    Double maxSpeedDown;

    @Option(names = "--max-acceleration", paramLabel = "A", description = "acceleration magnitude limit, m/s²")
    Double maxAcceleration;

    @Option(names = "--max-altitude", paramLabel = "Z", description = "ceiling, m")
    Double maxAltitude;

    @Option(names = "--min-altitude", paramLabel = "Z",
            description = "floor, m: applies between a drone's first climb and its last descent")
    Double minAltitude;

    @Option(names = "--ground-altitude", paramLabel = "Z",
            description = "separation is enforced only while both drones are above it, m "
                    + "(default: a .skyc's minNavAltitude, else " + Limits.DEFAULT_GROUND_ALTITUDE + ")")
    Double groundAltitude;

    @Option(names = "--step", paramLabel = "S",
            description = "fixed separation sampling step, s (default: adaptive to the fleet's speed; sound either way)")
    Double step;

    @Option(names = "--site", paramLabel = "SITE.json",
            description = "also check clearance from this site's towers, bridges and banks (e.g. shows/chongqing/site.json)")
    Path siteFile;

    @Option(names = "--no-battery", description = "skip the battery-margin check (docs/analysis.md)")
    boolean noBattery;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--max-violations", paramLabel = "N",
            description = "violations listed in detail (default: ${DEFAULT-VALUE}; counts are always complete)")
    int maxViolations = 20;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    /** A flight file as read, with what the report needs beyond the plan. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, quiet || json);
        bar.stage("reading");
        Flight in = FlightFiles.read(input);
        String[] source = new String[LIMIT_NAMES.length + 1];
        Limits limits = resolveLimits(in, source);
        double ground = groundAltitude != null ? groundAltitude
                : Double.isNaN(in.minNavAltitude()) ? Limits.DEFAULT_GROUND_ALTITUDE : in.minNavAltitude();
        if (groundAltitude != null && !Double.isFinite(groundAltitude)) {
            throw new InputException(null, "--ground-altitude", "must be a finite altitude in metres", null);
        }
        bar.done();
        bar.stage("verifying");
        if (maxViolations < 0) {
            // checked here: the catch below can only name --step or --threads
            throw new InputException(null, "--max-violations", "must be 0 or more, was " + maxViolations,
                    "e.g. --max-violations 20 (all violations are counted; this many are listed)");
        }
        VerifyOptions options;
        try {
            options = VerifyOptions.defaults().withGroundAltitude(ground).withMaxViolations(maxViolations)
                    .withProgress(f -> bar.update(f, in.plan().droneCount() + " drones"));
            if (threads != null) {
                options = options.withThreads(threads);
            }
            if (step != null) {
                options = options.withSampleStep(step);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(null, step != null ? "--step" : "--threads", e.getMessage(),
                    "see 'starling validate --help'");
        }
        VerificationReport report;
        try {
            report = in.plan().verify(limits, options);
        } catch (InputException e) {
            // flags and --limits are checked above, so a limit the verifier refuses came from the file
            throw e.inFile(input.toString());
        }
        bar.done();
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        dev.starling.analysis.BatteryReport battery = noBattery ? null
                : dev.starling.analysis.BatteryAnalysis.analyze(in.plan(), dev.starling.analysis.DroneProfile.DEFAULT,
                        dev.starling.analysis.Wind.DEFAULT, nThreads);
        dev.starling.analysis.ClearanceReport clearance = siteFile == null ? null
                : dev.starling.analysis.ClearanceAnalysis.analyze(in.plan(), dev.starling.site.Site.read(siteFile),
                        dev.starling.analysis.ClearanceOptions.DEFAULT, nThreads);
        boolean safe = report.clean() && (battery == null || battery.ok()) && (clearance == null || clearance.ok());
        if (json) {
            String body = toJson(in, limits, source, ground, report);
            out.print(withAnalyses(body, battery, clearance, safe));
        } else {
            printTable(out, in, limits, source, report);
            if (battery != null) {
                out.println();
                out.print(battery.summary());
            }
            if (clearance != null) {
                out.print(clearance.summary());
            }
            if (report.clean() && !safe) {
                out.println("RESULT: FAIL - the limits hold, but the battery or clearance check above fails");
            }
        }
        out.flush();
        return safe ? 0 : Starling.EXIT_VIOLATIONS;
    }

    /** Adds "battery", "clearance" and "safe" to the verification JSON object {@code body}. */
    private static String withAnalyses(String body, dev.starling.analysis.BatteryReport battery,
                                       dev.starling.analysis.ClearanceReport clearance, boolean safe) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(body);
            root.set("battery", m.valueToTree(battery));
            root.set("clearance", m.valueToTree(clearance));
            root.put("safe", safe);
            return m.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("re-reading our own JSON cannot fail", e);
        }
    }

    // ------------------------------------------------------------------ input

    // ------------------------------------------------------------------ limits

    /**
     * The file's limits, overridden by --limits, overridden by flags; {@code source[k]} says
     * where limit k (index {@link #LIMIT_NAMES}, then the geofence) came from, null when not given.
     */
    private Limits resolveLimits(Flight in, String[] source) {
        Limits file = in.plan().limits();
        double[] v = values(file);
        String fileLabel = in.kind().label();
        for (int k = 0; k < v.length; k++) {
            source[k] = Limits.given(v[k]) ? fileLabel : null;
        }
        double[][] fence = file.geofence();
        source[LIMIT_NAMES.length] = fence != null ? fileLabel : null;
        if (limitsFile != null) {
            Limits extra = readLimitsFile(limitsFile);
            double[] e = values(extra);
            for (int k = 0; k < v.length; k++) {
                if (Limits.given(e[k])) {
                    v[k] = e[k];
                    source[k] = "--limits";
                }
            }
            if (extra.geofence() != null) {
                fence = extra.geofence();
                source[LIMIT_NAMES.length] = "--limits";
            }
        }
        Double[] flags = {minSeparation, maxSpeedXY, maxSpeedUp, maxSpeedDown, maxAcceleration, minAltitude, maxAltitude};
        String[] flagNames = {"--min-separation", "--max-speed-xy", "--max-speed-up", "--max-speed-down",
            "--max-acceleration", "--min-altitude", "--max-altitude"};
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] != null) {
                check(flags[k], k, flagNames[k], null);
                v[k] = flags[k];
                source[k] = flagNames[k];
            }
        }
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], fence);
    }

    private static double[] values(Limits l) {
        return new double[] {l.minSeparation(), l.maxSpeedXY(), l.maxSpeedUp(), l.maxSpeedDown(),
            l.maxAcceleration(), l.minAltitude(), l.maxAltitude()};
    }

    /** A limit value must be finite, positive (the floor may be 0). */
    private static void check(double value, int k, String where, String file) {
        boolean ok = Double.isFinite(value) && (k == 5 ? value >= 0 : value > 0);
        if (!ok) {
            throw new InputException(file, where, "must be a finite " + (k == 5 ? "non-negative" : "positive")
                    + " number of " + UNITS[k] + ", was " + value, null);
        }
        if (k == 0 && !(value >= Verifier.MIN_SEPARATION && value <= Verifier.MAX_SEPARATION)) {
            throw new InputException(file, where, "must be from " + Verifier.MIN_SEPARATION + " to "
                    + Verifier.MAX_SEPARATION + " m, was " + value, "give the drones' real safety distance, e.g. 1.5");
        }
    }

    /** Reads --limits: the limit fields at the top level, or under "limits" (a show file). */
    static Limits readLimitsFile(Path file) {
        String name = file.toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper().readTree(in);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found", "give a JSON file with the limits, or the show file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputException(name, null, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(name, "$", "the limits file must hold a JSON object",
                    "e.g. {\"minSeparation\": 1.5, \"maxSpeedXY\": 8}");
        }
        String prefix = "";
        if (root.has("limits") && !hasAnyLimit(root)) {
            root = root.get("limits");
            prefix = "limits.";
            if (!root.isObject()) {
                throw new InputException(name, "limits", "must be an object", null);
            }
        }
        double[] v = new double[LIMIT_NAMES.length];
        java.util.Arrays.fill(v, Double.NaN);
        double[][] fence = null;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            JsonNode n = root.get(f);
            int k = List.of(LIMIT_NAMES).indexOf(f);
            if (k >= 0) {
                if (!n.isNumber()) {
                    throw new InputException(name, prefix + f, "expected a number of " + UNITS[k], null);
                }
                check(n.asDouble(), k, prefix + f, name);
                v[k] = n.asDouble();
            } else if (f.equals("geofence")) {
                fence = fence(n, name, prefix + f);
            } else if (prefix.isEmpty()) {
                throw new InputException(name, f, "unknown limit '" + f + "'",
                        "known limits: " + String.join(", ", LIMIT_NAMES) + ", geofence");
            }
        }
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], fence);
    }

    private static boolean hasAnyLimit(JsonNode o) {
        for (String f : LIMIT_NAMES) {
            if (o.has(f)) {
                return true;
            }
        }
        return o.has("geofence");
    }

    private static double[][] fence(JsonNode n, String file, String path) {
        if (!n.isArray() || n.size() < 3) {
            throw new InputException(file, path, "a geofence is a list of at least 3 [x, y] vertices", null);
        }
        double[][] f = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || !Double.isFinite(p.get(0).asDouble()) || !Double.isFinite(p.get(1).asDouble())) {
                throw new InputException(file, path + "[" + i + "]", "a vertex is [x, y] in metres", null);
            }
            f[i] = new double[] {p.get(0).asDouble(), p.get(1).asDouble()};
        }
        return f;
    }

    // ------------------------------------------------------------------ human output

    private void printTable(PrintWriter out, Flight in, Limits limits, String[] source, VerificationReport r) {
        out.printf(Locale.ROOT, "%s (%s): %d drones, %.2f s to %.2f s%n%n", input, in.kind().label(), r.droneCount(),
                r.startTime(), r.endTime());
        out.printf(Locale.ROOT, "%-17s %-13s %-16s %-27s %-10s %6s  %s%n", "check", "limit", "worst", "drones",
                "time", "count", "result");
        for (CheckResult c : r.checks()) {
            String limit = c.check() == Check.GEOFENCE ? (c.checked() ? "inside" : "-")
                    : Limits.given(c.limit()) ? num(c.limit()) + " " + c.check().unit() : "-";
            String worst = !Double.isNaN(c.worst()) ? num(c.worst(), c.limit()) + " " + c.check().unit()
                    // no pair came within the sampling radius: each stayed at least the limit apart
                    : c.check() == Check.SEPARATION && c.checked() ? ">= " + num(c.limit()) + " m"
                    // pads are searched within twice the limit
                    : c.check() == Check.GROUND_SPACING && c.checked() ? ">= " + num(2 * c.limit()) + " m" : "-";
            String drones = c.droneA() < 0 ? "-" : c.droneB() < 0 ? name(in, c.droneA())
                    : name(in, c.droneA()) + ", " + name(in, c.droneB());
            String time = Double.isNaN(c.time()) ? "-" : String.format(Locale.ROOT, "%.2f s", c.time());
            String result = !c.checked() ? "not checked" : c.passed() ? "PASS" : "FAIL";
            out.printf(Locale.ROOT, "%-17s %-13s %-16s %-27s %-10s %6s  %s%n", c.check().label(), limit, worst,
                    drones, time, c.checked() ? Integer.toString(c.count()) : "-", result);
        }
        out.println();
        out.println("Limits checked (and where they came from):");
        boolean any = false;
        for (int k = 0; k < LIMIT_NAMES.length; k++) {
            if (source[k] != null) {
                out.printf(Locale.ROOT, "  %-16s %s %s  (%s)%n", LIMIT_NAMES[k], num(values(limits)[k]), UNITS[k], source[k]);
                any = true;
            }
        }
        if (source[LIMIT_NAMES.length] != null) {
            out.printf(Locale.ROOT, "  %-16s %d vertices  (%s)%n", "geofence", limits.geofence().length,
                    source[LIMIT_NAMES.length]);
            any = true;
        }
        if (!any) {
            out.println("  none: give limits with --limits or flags such as --min-separation 1.5");
        }
        dev.starling.show.LightLimits ll = in.plan().lightLimits();
        out.printf(Locale.ROOT, "  %-16s at most %s flashes/s over %s%% of the fleet (swings of %s%%), %s%s  (%s)%n",
                "lights", num(ll.maxFlashRate()), num(100 * ll.flashArea()), num(100 * ll.flashContrast()),
                ll.darkOnGround() ? "dark on the ground" : "may be lit on the ground",
                ll.darkDuringTakeoff() ? " and during takeoff" : "",
                ll.equals(dev.starling.show.LightLimits.FLIGHT_FILE)
                        ? "default for flight files: the photosensitivity guideline" : in.kind());
        if (!Double.isNaN(r.minSeparation())) {
            out.printf(Locale.ROOT, "%nClosest approach of airborne drones: %s m between %s and %s at t = %.2f s%n",
                    num(r.minSeparation()), name(in, r.minSeparationDroneA()), name(in, r.minSeparationDroneB()),
                    r.minSeparationTime());
        } else if (r.check(Check.SEPARATION).checked()) {
            out.printf(Locale.ROOT, "%nClosest approach of airborne drones: none came within %s m of another "
                    + "at any sampling instant, so every pair stayed at least %s m apart%n",
                    num(limits.minSeparation() + r.margin()), num(limits.minSeparation()));
        }
        out.printf(Locale.ROOT, "Verified in %.2f s on %d thread(s); separation above %.2f m of altitude, %d samples "
                        + "(no drone moves more than %.2f m between two), %d exact pair checks.%n",
                r.seconds(), r.threads(), r.groundAltitude(), r.samples(), r.margin(), r.fineChecks());
        if (!r.violations().isEmpty()) {
            out.printf(Locale.ROOT, "%nViolations (%d of %d, earliest first, worst instance per drone or pair):%n",
                    r.violations().size(), r.violationCount());
            for (Violation v : r.violations()) {
                String who = v.droneB() < 0 ? name(in, v.droneA()) : name(in, v.droneA()) + " & " + name(in, v.droneB());
                String bound = v.check() == Check.GEOFENCE ? "outside the fence"
                        : (v.check().lowerBound() ? "< " : "> ") + num(v.limit()) + " " + v.check().unit();
                out.printf(Locale.ROOT, "  t = %9.2f s  %-15s %-30s %s %s %s%n", v.time(), v.check().label(), who,
                        num(v.value(), v.limit()), v.check().unit(), bound);
            }
        }
        out.println();
        out.println(r.clean() ? "RESULT: PASS - every checked limit holds"
                : "RESULT: FAIL - " + r.violationCount() + " violating drone(s) or pair(s)");
    }

    private static String name(Flight in, int i) {
        return i >= 0 && i < in.droneNames().size() ? in.droneNames().get(i) : Plan.droneName(i);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code v} to 3 decimals, or to 7 when 3 would print it equal to a limit it differs from. */
    private static String num(double v, double limit) {
        String s = num(v);
        return v != limit && s.equals(num(limit)) ? String.format(Locale.ROOT, "%.7f", v) : s;
    }

    // ------------------------------------------------------------------ JSON output

    /** The report as JSON ({@link #JSON_FORMAT}); NaN values are null. */
    String toJson(Flight in, Limits limits, String[] source, double ground, VerificationReport r) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", JSON_FORMAT);
            g.writeStringField("file", input.toString());
            g.writeStringField("input", in.kind().label());
            g.writeNumberField("drones", r.droneCount());
            g.writeNumberField("startTime", r.startTime());
            g.writeNumberField("endTime", r.endTime());
            g.writeBooleanField("clean", r.clean());
            g.writeObjectFieldStart("limits");
            double[] v = values(limits);
            for (int k = 0; k < LIMIT_NAMES.length; k++) {
                g.writeObjectFieldStart(LIMIT_NAMES[k]);
                number(g, "value", v[k]);
                g.writeStringField("unit", UNITS[k]);
                g.writeStringField("source", source[k]);
                g.writeEndObject();
            }
            g.writeObjectFieldStart("geofence");
            if (limits.geofence() == null) {
                g.writeNullField("value");
            } else {
                g.writeArrayFieldStart("value");
                for (double[] p : limits.geofence()) {
                    g.writeArray(p, 0, 2);
                }
                g.writeEndArray();
            }
            g.writeStringField("source", source[LIMIT_NAMES.length]);
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("checks");
            for (CheckResult c : r.checks()) {
                g.writeStartObject();
                g.writeStringField("check", c.check().key());
                g.writeStringField("label", c.check().label());
                g.writeStringField("unit", c.check().unit());
                g.writeBooleanField("checked", c.checked());
                number(g, "limit", c.limit());
                number(g, "worst", c.worst());
                drone(g, in, "droneA", c.droneA());
                drone(g, in, "droneB", c.droneB());
                number(g, "time", c.time());
                g.writeNumberField("count", c.count());
                g.writeBooleanField("passed", c.passed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("minSeparation");
            number(g, "value", r.minSeparation());
            drone(g, in, "droneA", r.minSeparationDroneA());
            drone(g, in, "droneB", r.minSeparationDroneB());
            number(g, "time", r.minSeparationTime());
            g.writeEndObject();
            g.writeNumberField("violationsTotal", r.violationCount());
            g.writeArrayFieldStart("violations");
            for (Violation x : r.violations()) {
                g.writeStartObject();
                g.writeStringField("check", x.check().key());
                drone(g, in, "droneA", x.droneA());
                drone(g, in, "droneB", x.droneB());
                number(g, "time", x.time());
                number(g, "value", x.value());
                number(g, "limit", x.limit());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("run");
            g.writeNumberField("seconds", r.seconds());
            g.writeNumberField("threads", r.threads());
            g.writeNumberField("groundAltitude", ground);
            g.writeNumberField("samples", r.samples());
            g.writeNumberField("largestStep", r.largestStep());
            g.writeNumberField("margin", r.margin());
            g.writeNumberField("exactPairChecks", r.fineChecks());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return sw + System.lineSeparator();
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }

    /** Writes {@code field} (index or null) and {@code field + "Name"}. */
    private static void drone(JsonGenerator g, Flight in, String field, int i) throws IOException {
        if (i < 0) {
            g.writeNullField(field);
            g.writeNullField(field + "Name");
        } else {
            g.writeNumberField(field, i);
            g.writeStringField(field + "Name", name(in, i));
        }
    }
}
