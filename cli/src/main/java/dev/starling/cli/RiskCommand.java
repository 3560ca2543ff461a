package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.analysis.AnalysisReport;
import dev.starling.analysis.BatteryAnalysis;
import dev.starling.analysis.BatteryReport;
import dev.starling.analysis.ClearanceAnalysis;
import dev.starling.analysis.ClearanceOptions;
import dev.starling.analysis.ClearanceReport;
import dev.starling.analysis.DroneProfile;
import dev.starling.analysis.LegibilityAnalysis;
import dev.starling.analysis.LegibilityOptions;
import dev.starling.analysis.LegibilityReport;
import dev.starling.analysis.RiskAnalysis;
import dev.starling.analysis.RiskProfile;
import dev.starling.analysis.RiskReport;
import dev.starling.analysis.Wind;
import dev.starling.io.FlightFiles;
import dev.starling.plan.Plan;
import dev.starling.site.Site;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starling risk}: Monte-Carlo contact risk under GNSS error and wind, battery margin,
 * audience legibility and clearance from the site. All logic is in {@code dev.starling.analysis};
 * this class reads the inputs, builds the profiles from the options and prints the reports.
 */
@Command(name = "risk",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Go beyond verification: how likely drones are to touch when the plan is flown",
            "with GNSS error and in wind (Monte Carlo), whether every battery lands above its",
            "reserve, whether each formation reads as a picture from where the audience",
            "stands, and how close drones come to the towers, bridges and banks of the site.",
            "",
            "Examples:",
            "  starling risk out/chongqing/plan.json --site shows/chongqing/site.json",
            "  starling risk out/chongqing/plan.json --runs 1000 --seed 7 --json > risk.json",
            "  starling risk plan.json --wind 9 --gusts 3 --only risk      # a windier night",
            "  starling risk plan.json --gnss-sigma-h 1.5 --gnss-sigma-v 3 # consumer GNSS, no RTK",
            "  starling risk other-tool.skyc --battery-wh 40 --mass 0.45 --only battery",
            "",
            "PLAN is a plan.json written by 'starling plan' (or a .skyc / Skybrush CSV ZIP).",
            "Every number is reproducible from --seed, whatever --threads is. Probabilities",
            "come with 95%% intervals (Wilson; 'rule of three' when no run had the event);",
            "in --json every probability sits under a field whose name starts with",
            "'probability'. Models, defaults and sources: docs/analysis.md.",
            ""},
        footer = {"", "Exit codes: 0 analysed (read the report for risks), 2 bad input or command line."})
final class RiskCommand implements Callable<Integer> {
    /** The analyses {@code --only} can pick. */
    enum Part { RISK, BATTERY, LEGIBILITY, CLEARANCE }

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan.json (or a .skyc / Skybrush CSV ZIP)")
    Path input;

    @Option(names = "--site", paramLabel = "FILE",
            description = "site file (e.g. shows/chongqing/site.json): audience viewpoints and structures; "
                    + "without it legibility uses one viewpoint 300 m in front and clearance is skipped")
    Path sitePath;

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "run only these: risk, battery, legibility, clearance (default: all)")
    List<Part> only;

    @Option(names = "--json", description = "print the report as JSON (format starling-analysis/1)")
    boolean json;

    @Option(names = "--runs", paramLabel = "N", description = "Monte-Carlo runs (default: ${DEFAULT-VALUE})")
    int runs = RiskProfile.DEFAULT.runs();

    @Option(names = "--seed", paramLabel = "S", description = "seed of the runs (default: ${DEFAULT-VALUE})")
    long seed = RiskProfile.DEFAULT.seed();

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--gnss-sigma-h", paramLabel = "M",
            description = "GNSS error σ per horizontal axis, m (default: ${DEFAULT-VALUE}, RTK)")
    double gnssSigmaH = RiskProfile.DEFAULT.gnssSigmaH();

    @Option(names = "--gnss-sigma-v", paramLabel = "M", description = "GNSS error σ vertical, m (default: ${DEFAULT-VALUE})")
    double gnssSigmaV = RiskProfile.DEFAULT.gnssSigmaV();

    @Option(names = "--gnss-tau", paramLabel = "S", description = "GNSS error correlation time, s (default: ${DEFAULT-VALUE})")
    double gnssTau = RiskProfile.DEFAULT.gnssTau();

    @Option(names = "--wind", paramLabel = "M/S", description = "mean wind speed, m/s (default: ${DEFAULT-VALUE})")
    double wind = Wind.DEFAULT.meanSpeed();

    @Option(names = "--wind-direction", paramLabel = "DEG",
            description = "direction the wind blows towards, degrees counter-clockwise from +x (default: ${DEFAULT-VALUE})")
    double windDirection = Wind.DEFAULT.directionDeg();

    @Option(names = "--gusts", paramLabel = "M/S",
            description = "RMS of the horizontal gust vector, m/s (default: ${DEFAULT-VALUE}: peaks about 3 m/s above the mean)")
    double gusts = Wind.DEFAULT.gustSigma();

    @Option(names = "--gust-tau", paramLabel = "S", description = "gust correlation time, s (default: ${DEFAULT-VALUE})")
    double gustTau = Wind.DEFAULT.gustTau();

    @Option(names = "--gust-common", paramLabel = "F",
            description = "share of the gust variance common to the whole fleet, 0..1 (default: ${DEFAULT-VALUE})")
    double gustCommon = Wind.DEFAULT.commonFraction();

    @Option(names = "--gust-response", paramLabel = "S",
            description = "metres a drone is pushed off its track per m/s of gust (default: ${DEFAULT-VALUE})")
    double gustResponse = RiskProfile.DEFAULT.gustResponse();

    @Option(names = "--lag", paramLabel = "S", description = "tracking lag of the position controller, s (default: ${DEFAULT-VALUE})")
    double lag = RiskProfile.DEFAULT.trackingLag();

    @Option(names = "--wind-rating", paramLabel = "M/S", description = "the drones' rated wind speed, m/s (default: ${DEFAULT-VALUE})")
    double windRating = RiskProfile.DEFAULT.windRating();

    @Option(names = "--contact", paramLabel = "M",
            description = "centre distance at which two drones touch, m (default: ${DEFAULT-VALUE})")
    double contact = RiskProfile.DEFAULT.contactDistance();

    @Option(names = "--step", paramLabel = "S", description = "Monte-Carlo time step, s (default: ${DEFAULT-VALUE})")
    double step = RiskProfile.DEFAULT.step();

    @Option(names = "--target-risk", paramLabel = "P",
            description = "contact probability to plan for, for the margin estimate (default: ${DEFAULT-VALUE})")
    double targetRisk = RiskProfile.DEFAULT.targetRisk();

    @Option(names = "--mass", paramLabel = "KG", description = "drone take-off mass, kg (default: ${DEFAULT-VALUE})")
    double mass = DroneProfile.DEFAULT.mass();

    @Option(names = "--battery-wh", paramLabel = "WH", description = "battery energy, Wh (default: ${DEFAULT-VALUE})")
    double batteryWh = DroneProfile.DEFAULT.batteryWh();

    @Option(names = "--reserve", paramLabel = "F",
            description = "share of usable energy that must remain at landing, 0..1 (default: ${DEFAULT-VALUE})")
    double reserve = DroneProfile.DEFAULT.reserveFraction();

    @Option(names = "--glow", paramLabel = "M", description = "apparent glow diameter of a lit drone, m (default: ${DEFAULT-VALUE})")
    double glow = LegibilityOptions.DEFAULT.glowDiameter();

    @Option(names = "--buffer", paramLabel = "M",
            description = "clearance every drone must keep from structures, m (default: ${DEFAULT-VALUE})")
    double buffer = ClearanceOptions.DEFAULT.buffer();

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        EnumSet<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Wind w = build("--wind/--gusts/--gust-tau/--gust-common",
                () -> new Wind(wind, windDirection, gusts, gustTau, gustCommon, Wind.DEFAULT.verticalRatio()));
        RiskProfile profile = build("the risk options", () -> new RiskProfile(gnssSigmaH, gnssSigmaV, gnssTau, w,
                gustResponse, lag, windRating, contact, RiskProfile.DEFAULT.nearSigmas(), step,
                RiskProfile.DEFAULT.groundAltitude(), runs, seed, nThreads, targetRisk));
        DroneProfile d = DroneProfile.DEFAULT;
        DroneProfile drone = build("--mass/--battery-wh/--reserve", () -> new DroneProfile(mass, d.rotors(),
                d.rotorDiameter(), d.figureOfMerit(), d.efficiency(), d.dragArea(), d.avionicsPower(), d.ledPower(),
                batteryWh, d.usableFraction(), reserve, d.airDensity(), d.airborneAbove()));
        LegibilityOptions lo = LegibilityOptions.DEFAULT;
        LegibilityOptions legibilityOptions = build("--glow", () -> new LegibilityOptions(glow, lo.minMedianSpacingArcmin(),
                lo.maxOverlapFraction(), lo.minApparentSizeDeg(), lo.minPlaneAngleDeg(), lo.defaultDistance(),
                lo.defaultEyeHeight()));
        ClearanceOptions clearanceOptions = build("--buffer", () -> new ClearanceOptions(buffer,
                ClearanceOptions.DEFAULT.step()));
        if (parts.contains(Part.CLEARANCE) && only != null && sitePath == null) {
            throw new InputException(null, "--only", "the clearance check needs the site's structures",
                    "add --site shows/chongqing/site.json (or your site file)");
        }
        Site site = sitePath == null ? null : Site.read(sitePath);
        Plan plan = FlightFiles.readPlan(input);
        ProgressBar bar = new ProgressBar(err, quiet || json);

        RiskReport risk = null;
        BatteryReport battery = null;
        LegibilityReport legibility = null;
        ClearanceReport clearance = null;
        if (parts.contains(Part.RISK)) {
            bar.stage(String.format(Locale.ROOT, "contact risk: %d runs over %d drones", profile.runs(), plan.droneCount()));
            risk = RiskAnalysis.analyze(plan, profile);
        }
        if (parts.contains(Part.BATTERY)) {
            bar.stage("battery");
            battery = BatteryAnalysis.analyze(plan, drone, w, nThreads);
        }
        if (parts.contains(Part.LEGIBILITY)) {
            bar.stage("legibility");
            legibility = LegibilityAnalysis.analyze(plan, site, legibilityOptions);
        }
        if (parts.contains(Part.CLEARANCE) && site != null) {
            bar.stage("clearance");
            clearance = ClearanceAnalysis.analyze(plan, site, clearanceOptions, nThreads);
        }
        bar.done();
        AnalysisReport report = new AnalysisReport(AnalysisReport.FORMAT, plan.name(), plan.droneCount(),
                plan.endTime() - plan.startTime(), site == null ? null : site.name(), risk, battery, legibility,
                clearance, (System.nanoTime() - t0) / 1e6);
        if (json) {
            out.println(report.toJson());
        } else {
            out.printf(Locale.ROOT, "%s: %d drones, %.0f s%s%n%n", plan.name().isEmpty() ? input : plan.name(),
                    plan.droneCount(), plan.endTime() - plan.startTime(), site == null ? "" : ", site " + site.name());
            out.print(report.summary());
            if (parts.contains(Part.CLEARANCE) && site == null) {
                out.println();
                out.println("Clearance: skipped (no site; add --site shows/chongqing/site.json)");
            }
            out.printf(Locale.ROOT, "%nanalysed in %.2f s (seed %d, %d thread(s))%n", report.runtimeMs() / 1000,
                    profile.seed(), nThreads);
        }
        out.flush();
        return 0;
    }

    /** A value built from options, with the constructor's complaint turned into bad input (exit 2). */
    private static <T> T build(String options, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(null, options, e.getMessage(), "see 'starling risk --help' for the allowed values");
        }
    }
}
