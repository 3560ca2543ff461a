package dev.starling.io.skyc;

import dev.starling.base.Numbers;
import dev.starling.show.Music;
import dev.starling.site.Anchor;
import java.nio.file.Files;

import dev.starling.InputException;
import dev.starling.io.AsciiBuilder;
import dev.starling.io.ExportOptions;
import dev.starling.io.OrderedPipeline;
import dev.starling.io.SkybrushFrame;
import dev.starling.io.ZipWriter;
import dev.starling.light.LightProgram;
import dev.starling.light.SkybrushLightCodec;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a plan (or a sub-fleet of it) as a Skybrush compiled show, {@code .skyc}: what Skybrush
 * Live loads and Skybrush Server flies.
 *
 * <p>Layout: a ZIP with {@code show.json} (compact JSON, ASCII) and, when the plan has an MP3
 * soundtrack, {@code media/audio.mp3} (the track's bytes unchanged):
 * <pre>
 * {"version":1,
 *  "settings":{"validation":{"maxAltitude":…,"maxVelocityXY":…,"maxVelocityZ":…,"maxVelocityZUp":…,
 *                            "maxAccelerationXY":…,"maxAccelerationZ":…,"minDistance":…}},
 *  "swarm":{"drones":[{"type":"generic","settings":{"name":"drone-00001","home":[x,y,z],
 *     "trajectory":{"version":1,"takeoffTime":t0,"points":[[0,[x,y,z],[]],[t,[x,y,z],[[cx,cy,cz]]],…]},
 *     "lights":{"version":1,"data":"BASE64"}}},…]},
 *  "environment":{"type":"outdoor","location":{"origin":[lon,lat,amsl],"orientation":deg},
 *                 "cameras":[{"type":"perspective","name":…,"position":[…],"orientation":[w,x,y,z],
 *                             "focalLength":mm,"default":true},…]},      // location, cameras: from the site
 *  "media":{"audio":{"data":{"$ref":"media/audio.mp3"},"filename":…,"mediaType":"audio/mpeg",
 *                    "startTime":−offset}},                               // with an MP3 soundtrack
 *  "meta":{"title":"…"}}
 * </pre>
 * Drones are inline rather than behind {@code $ref}s to per-drone files (Skybrush's loader
 * accepts both; one entry is smaller and faster to write).
 *
 * <p>Frame and units: Skybrush's X front, Y left, Z up, metres and seconds, converted from the
 * show frame by {@link SkybrushFrame}; positions rounded to 1 mm and times to 1 ms, as Skybrush
 * Studio writes them. {@code takeoffTime} is the drone's first knot in show time; point times
 * count from it. Segments are stored exactly as Bézier curves of degree 1–3 (0, 1 or 2 control
 * points); knots are put on the 1 ms grid by {@link MillisecondGrid}, exactly when they already
 * lie on it (the planner's do). Validation limits map from {@link Limits}: descent speed to
 * {@code maxVelocityZ}, climb speed to {@code maxVelocityZUp}, the acceleration magnitude bound
 * to both {@code maxAccelerationXY} and {@code maxAccelerationZ} (it bounds each); bounds that are
 * not given are left out. Lights: {@link SkybrushLightCodec} bytecode, time 0 = show start.
 *
 * <p>Accuracy: at every time, within {@link #positionErrorBound} of the plan
 * ({@link #ROUNDING_ERROR} from millimetre rounding plus the grid error, zero for knots on the
 * grid).
 *
 * <p>Cost: O(segments + keyframes) per drone; drones are formatted and deflated on all cores in
 * batches and written in order, so the bytes are deterministic.
 */
public final class SkycWriter {
    /** The one entry of a {@code .skyc} written here. */
    public static final String SHOW_JSON = "show.json";
    /** Largest position error from millimetre rounding of every coordinate, metres. */
    public static final double ROUNDING_ERROR = 0.5e-3 * Math.sqrt(3);
    /**
     * DEFLATE level of show.json. Level 5 rather than zlib's default 6: on light programs built from
     * effects (base64 bytecode, little for LZ77 to find) level 6's lazy matching costs 1.9× the
     * time; the files grow 1–5% (the flagship's .skyc 3.00 → 3.14 MB without effects, 5.14 → 5.29 MB
     * with them; FlagshipExportBenchmark and LightDesignBenchmark, December 2026).
     */
    static final int LEVEL = 5;
    private static final int BATCH = 32;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private SkycWriter() {
    }

    /**
     * Writes drones {@code from} (inclusive) to {@code to} (exclusive) of {@code plan} as one
     * {@code .skyc} to {@code out} (not closed), titled {@code title}. {@code progress} hears about
     * {@code file} after each batch; a callback that throws aborts the write.
     *
     * @return the largest grid error of any drone written (metres, before rounding)
     * @throws IllegalArgumentException when {@code to − from} is not 1..5000
     * @throws InputException           when a light keyframe lies before show time 0 (the bytecode
     *                                  cannot say it); its path names the drone
     */
    public static double write(Plan plan, int from, int to, String title, OutputStream out, Path file,
                               ExportOptions.Progress progress) throws IOException {
        return write(plan, from, to, title, out, file, progress, SkycEnvironment.NONE);
    }

    /**
     * As {@link #write(Plan, int, int, String, OutputStream, Path, ExportOptions.Progress)}, with
     * {@code environment.location} and {@code environment.cameras} from {@code env}, and the
     * plan's music embedded as {@code media.audio} when it is an MP3 that exists (see
     * {@link #audioProblem}).
     */
    public static double write(Plan plan, int from, int to, String title, OutputStream out, Path file,
                               ExportOptions.Progress progress, SkycEnvironment env) throws IOException {
        int count = to - from;
        if (from < 0 || to > plan.droneCount() || count < 1 || count > ExportOptions.SKYBRUSH_MAX_DRONES) {
            throw new IllegalArgumentException("a .skyc holds 1.." + ExportOptions.SKYBRUSH_MAX_DRONES
                    + " drones; asked for drones " + from + ".." + to + " of " + plan.droneCount());
        }
        List<byte[]> parts = new ArrayList<>();
        CRC32 crc = new CRC32();
        long[] size = {0};
        double[] worst = {0};
        AsciiBuilder head = new AsciiBuilder(512);
        head.append("{\"version\":1,");
        appendSettings(head, plan.limits());
        head.append("\"swarm\":{\"drones\":[");
        addChunk(head.toByteArray(), parts, crc, size);

        int tasks = (count + BATCH - 1) / BATCH;
        ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
        OrderedPipeline.run(tasks, task -> {
            int a = from + task * BATCH, b = Math.min(to, a + BATCH);
            Work w = work.get();
            w.json.clear();
            double err = 0;
            for (int i = a; i < b; i++) {
                if (i > from) {
                    w.json.append(',');
                }
                err = Math.max(err, appendDrone(w.json, i, plan.trajectories().get(i), plan.lights().get(i), w));
            }
            byte[] raw = w.json.toByteArray();
            return new Chunk(raw, ZipWriter.deflateChunk(raw, 0, raw.length, LEVEL), err, b - from);
        }, (task, c) -> {
            crc.update(c.raw);
            size[0] += c.raw.length;
            parts.add(c.deflated);
            worst[0] = Math.max(worst[0], c.maxError);
            progress.update(file, c.done, count);
        });

        Music music = plan.timeline().music();
        byte[] audio = music != null && audioProblem(plan) == null ? Files.readAllBytes(music.file()) : null;
        AsciiBuilder tail = new AsciiBuilder(1024);
        tail.append("]},\"environment\":");
        appendEnvironment(tail, env);
        if (audio != null) {
            tail.append(",\"media\":{\"audio\":{\"data\":{\"$ref\":").appendJsonString(AUDIO_ENTRY)
                    .append("},\"filename\":").appendJsonString(music.file().getFileName().toString())
                    .append(",\"mediaType\":\"audio/mpeg\",\"startTime\":").append(num(-music.offset()))
                    .append("}}");
        }
        tail.append(",\"meta\":{\"title\":").appendJsonString(title == null ? "" : title).append("}}");
        addChunk(tail.toByteArray(), parts, crc, size);
        parts.add(ZipWriter.finalBlock());
        try (ZipWriter zip = new ZipWriter(out)) {
            zip.addParts(SHOW_JSON, parts, crc.getValue(), size[0]);
            if (audio != null) {
                zip.add(AUDIO_ENTRY, ZipWriter.deflate(audio, 0, audio.length, 1));
            }
        }
        return worst[0];
    }

    /** The archive entry of the embedded soundtrack, referenced from {@code media.audio.data}. */
    public static final String AUDIO_ENTRY = "media/audio.mp3";

    /**
     * Why the plan's music cannot go into a {@code .skyc}, or null when it can (or there is none):
     * Skybrush plays MPEG audio only, and the file must still exist where plan.json names it.
     */
    public static String audioProblem(Plan plan) {
        Music m = plan.timeline().music();
        if (m == null) {
            return null;
        }
        if (!m.format().equals("mp3")) {
            return "Skybrush plays MP3 only: the .skyc is written without the " + m.format().toUpperCase(java.util.Locale.ROOT)
                    + " track " + m.file().getFileName() + "; convert it (ffmpeg -i " + m.file().getFileName()
                    + " -b:a 192k music.mp3) and set music.file to the MP3";
        }
        if (!Files.isRegularFile(m.file())) {
            return "the music file " + m.file() + " named by the plan is missing: the .skyc is written without it; "
                    + "plan the show again to copy the track beside plan.json";
        }
        return null;
    }

    private static void appendEnvironment(AsciiBuilder b, SkycEnvironment env) {
        b.append("{\"type\":\"outdoor\"");
        Anchor a = env.anchor();
        if (a != null) {
            b.append(",\"location\":{\"origin\":[").append(num(a.longitude())).append(',').append(num(a.latitude()))
                    .append(',').append(num(a.altitude())).append("],\"orientation\":")
                    .append(num(SkycEnvironment.orientation(a))).append('}');
        }
        if (!env.cameras().isEmpty()) {
            b.append(",\"cameras\":[");
            for (int i = 0; i < env.cameras().size(); i++) {
                SkycEnvironment.Camera c = env.cameras().get(i);
                b.append(i == 0 ? "" : ",").append("{\"type\":\"perspective\",\"name\":").appendJsonString(c.name())
                        .append(",\"position\":[").append(num(c.position()[0])).append(',').append(num(c.position()[1]))
                        .append(',').append(num(c.position()[2])).append("],\"orientation\":[");
                for (int k = 0; k < 4; k++) {
                    b.append(k == 0 ? "" : ",").append(num(Math.round(c.orientationWxyz()[k] * 1e9) / 1e9));
                }
                b.append("],\"focalLength\":").append(num(Math.round(c.focalLength() * 1000) / 1000.0));
                if (i == 0) {
                    b.append(",\"default\":true");
                }
                b.append('}');
            }
            b.append(']');
        }
        b.append('}');
    }

    /** A finite double as JSON (shortest round-trip form; whole numbers without ".0"). */
    private static String num(double v) {
        return Numbers.plain(v);
    }

    /**
     * Bound on |skyc(t) − plan(t)| over all t for this trajectory once written (metres):
     * millimetre rounding plus the error of putting its knots on the 1 ms grid.
     */
    public static double positionErrorBound(Trajectory tr) {
        return MillisecondGrid.snap(tr).maxError() + ROUNDING_ERROR;
    }

    private record Chunk(byte[] raw, byte[] deflated, double maxError, int done) {
    }

    private static void addChunk(byte[] raw, List<byte[]> parts, CRC32 crc, long[] size) {
        crc.update(raw);
        size[0] += raw.length;
        parts.add(ZipWriter.deflateChunk(raw, 0, raw.length, LEVEL));
    }

    private static void appendSettings(AsciiBuilder b, Limits l) {
        String[] names = {"maxAltitude", "maxVelocityXY", "maxVelocityZ", "maxVelocityZUp", "maxAccelerationXY",
            "maxAccelerationZ", "minDistance"};
        double[] values = {l.maxAltitude(), l.maxSpeedXY(), l.maxSpeedDown(), l.maxSpeedUp(), l.maxAcceleration(),
            l.maxAcceleration(), l.minSeparation()};
        boolean any = false;
        for (int i = 0; i < names.length; i++) {
            if (!Limits.given(values[i]) || Double.isInfinite(values[i])) {
                continue;
            }
            b.append(any ? "," : "\"settings\":{\"validation\":{");
            b.append('"').append(names[i]).append("\":").appendCompact3(AsciiBuilder.thousandths(values[i]));
            any = true;
        }
        if (any) {
            b.append("}},");
        }
    }

    /** Appends drone {@code i}'s JSON object; returns its grid error. */
    private static double appendDrone(AsciiBuilder b, int i, Trajectory tr, LightProgram lights, Work w) {
        MillisecondGrid.Snapped s = MillisecondGrid.snap(tr, w.grid);
        double[] p = w.p;
        b.append("{\"type\":\"generic\",\"settings\":{\"name\":").appendJsonString(Plan.droneName(i));
        b.append(",\"home\":");
        appendPoint(b, s.start(), 0, p);
        long t0 = s.timesMs()[0];
        b.append(",\"trajectory\":{\"version\":1,\"takeoffTime\":").appendCompact3(t0);
        b.append(",\"points\":[[0,");
        appendPoint(b, s.start(), 0, p);
        b.append(",[]]");
        double[] ctrl = s.ctrl();
        for (int j = 0; j < s.segments(); j++) {
            int d = s.degree()[j];
            int base = j * MillisecondGrid.STRIDE;
            b.append(",[").appendCompact3(s.timesMs()[j + 1] - t0).append(',');
            appendPoint(b, ctrl, base + 3 * d, p);
            b.append(",[");
            for (int k = 1; k < d; k++) {
                if (k > 1) {
                    b.append(',');
                }
                appendPoint(b, ctrl, base + 3 * k, p);
            }
            b.append("]]");
        }
        b.append("]},\"lights\":{\"version\":1,\"data\":\"");
        try {
            int n = w.lights.encode(lights, 0);
            byte[] code = Arrays.copyOf(w.lights.bytes(), n);
            int need = 4 * ((n + 2) / 3);
            if (w.base64.length < need) {
                w.base64 = new byte[Math.max(need, 2 * w.base64.length)];
            }
            b.append(w.base64, 0, BASE64.encode(code, w.base64));
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "drones[" + i + "].lights", e.getMessage(),
                    "a .skyc light program starts at show time 0: shift the plan so that nothing happens before t = 0");
        }
        b.append("\"}}}");
        return s.maxError();
    }

    /** Appends the show-frame point at {@code src[off..off+2]} as a Skybrush-frame [x,y,z] in mm-rounded metres. */
    private static void appendPoint(AsciiBuilder b, double[] src, int off, double[] p) {
        SkybrushFrame.fromShow(src, off, p, 0);
        b.append('[').appendCompact3(AsciiBuilder.thousandths(p[0])).append(',')
                .appendCompact3(AsciiBuilder.thousandths(p[1])).append(',')
                .appendCompact3(AsciiBuilder.thousandths(p[2])).append(']');
    }

    /** Per-thread buffers. */
    private static final class Work {
        final AsciiBuilder json = new AsciiBuilder(1 << 16);
        final MillisecondGrid.Work grid = new MillisecondGrid.Work();
        final double[] p = new double[3];
        final SkybrushLightCodec.Encoder lights = new SkybrushLightCodec.Encoder();
        byte[] base64 = new byte[1024];
    }
}
