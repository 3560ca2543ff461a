package dev.starling.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.base.AtomicFiles;
import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.render.Camera;
import dev.starling.render.ChongqingSite;
import dev.starling.render.WebScene;
import dev.starling.show.Cue;
import dev.starling.show.Limits;
import dev.starling.show.Music;
import dev.starling.site.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starling web}: the show as one self-contained HTML file (WebGL2) that opens in any
 * browser, phones included, without network access: the site, the drones and their lights drawn
 * as {@code render} draws them, the music embedded, play/pause, scrubber, viewpoints, orbit.
 */
@Command(name = "web",
        mixinStandardHelpOptions = true,
        description = {
            "Write the show as one HTML file that plays in a browser (WebGL2), on a phone",
            "too, with everything inside: the city, the drones and lights as 'render' draws",
            "them, and the music. Opening it makes no network request at all.",
            "",
            "Examples:",
            "  starling web out/chongqing/plan.json --out chongqing.html",
            "  starling web out/hello/plan.json --site shows/hello/site.json --out hello.html",
            "  starling web plan.json --no-music --out preview.html     (smaller: no soundtrack)",
            "",
            "Controls: play/pause (space), the timeline (scene marks above, cues below),",
            "the viewpoint menu (keys 1..9), drag to orbit, wheel or two fingers to zoom.",
            "The trajectories travel as the planned Bezier segments (1 ms, 1 mm grid),",
            "compressed; the page decodes them itself. The file is written atomically.",
            ""},
        footer = {"", "Exit codes: 0 written, 2 bad input or command line (nothing written)."})
final class WebCommand implements Callable<Integer> {
    /** The page's script modules, in dependency order (each module's imports come before it). */
    static final List<String> MODULES = List.of("decode.js", "gl.js", "main.js");
    static final String RESOURCES = "web/";
    /** The HUD's font: the one the desktop HUD and text formations use (SIL OFL 1.1, licence embedded with it). */
    static final String FONT = "/dev/starling/formation/fonts/StarlingNotoSansSC-Regular.otf";
    static final String FONT_LICENCE = "/dev/starling/formation/fonts/OFL.txt";

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan.json written by 'starling plan'")
    Path plan;

    @Option(names = "--site", paramLabel = "FILE",
            description = "site to draw around the show (default: the built-in Chongqing site, shows/chongqing/site.json)")
    Path site;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "the HTML file to write")
    Path out;

    @Option(names = "--no-music", description = "leave the soundtrack out, even when the plan has one")
    boolean noMusic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter outW = spec.commandLine().getOut();
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            throw new InputException(out.toString(), "--out", "the page is an HTML file", "give a name ending in .html, e.g. --out show.html");
        }
        if (Files.isDirectory(out)) {
            throw new InputException(out.toString(), "--out", "is a folder", "give a file name, e.g. --out show.html");
        }
        Plan p = PlanJson.read(plan);
        Site s = site == null ? ChongqingSite.load() : Site.read(site);
        Music music = noMusic ? null : p.timeline().music();
        AtomicFiles.requireNotAnInput(out, plan, site, music == null ? null : music.file());
        byte[] track = null;
        if (music != null) {
            if (!Files.isRegularFile(music.file())) {
                throw new InputException(music.file().toString(), "timeline.music.file", "the plan's music file is missing",
                        "put the track back beside plan.json, plan the show again, or pass --no-music");
            }
            track = Files.readAllBytes(music.file());
        }
        Page page = build(p, s, music, track);
        AtomicFiles.write(out, o -> o.write(page.html.getBytes(StandardCharsets.UTF_8)));
        outW.printf(Locale.ROOT, "wrote %s (%.2f MB: show %.2f MB for %d drones, %d segments; city %.2f MB; font %.2f MB;"
                        + " music %.2f MB)%n", out, page.html.length() / 1e6, page.showBytes / 1e6, p.droneCount(),
                page.segments, page.cityBytes / 1e6, page.fontBytes / 1e6, page.musicBytes / 1e6);
        return 0;
    }

    /** The finished page and what its parts weigh (base64 included). */
    record Page(String html, long showBytes, long cityBytes, long fontBytes, long musicBytes, long segments) {
    }

    /** Assembles the page: template, metadata, base64 blobs, the inlined script modules. */
    static Page build(Plan p, Site s, Music music, byte[] track) {
        WebScene scene = WebScene.of(s);
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        blobs.put("starling-show", WebPack.pack(p));
        blobs.put("starling-triangles", WebPack.floats(scene.skylineTriangles()));
        blobs.put("starling-lines", WebPack.floats(scene.skylineLines()));
        blobs.put("starling-water", WebPack.floats(scene.water()));
        blobs.put("starling-sky", WebPack.floats(WebScene.sky()));
        StringBuilder tags = new StringBuilder();
        long show = 0, city = 0, musicLen = 0;
        for (Map.Entry<String, byte[]> b : blobs.entrySet()) {
            String text = Base64.getEncoder().encodeToString(b.getValue());
            if (b.getKey().equals("starling-show")) {
                show = text.length();
            } else {
                city += text.length();
            }
            tags.append("<script type=\"application/octet-stream\" id=\"").append(b.getKey()).append("\">")
                    .append(text).append("</script>\n");
        }
        if (track != null) {
            String text = Base64.getEncoder().encodeToString(track);
            musicLen = text.length();
            tags.append("<script type=\"application/octet-stream\" id=\"starling-music\">").append(text).append("</script>\n");
        }
        long segments = 0;
        for (var t : p.trajectories()) {
            segments += t.segmentCount();
        }
        String font = Base64.getEncoder().encodeToString(bytes(FONT));
        String title = p.name().isBlank() ? "Starling show" : p.name();
        String html = resource("page.html")
                .replace("@TITLE@", escapeHtml(title))
                .replace("@META@", json(meta(p, s, scene, music)).replace("</", "<\\/"))
                .replace("@BLOBS@", tags.toString())
                .replace("@FONTLICENCE@", new String(bytes(FONT_LICENCE), StandardCharsets.UTF_8).replace("--", "- -"))
                .replace("@FONT@", font)
                .replace("@SCRIPT@", script());
        return new Page(html, show, city, font.length(), musicLen, segments);
    }

    private static Map<String, Object> meta(Plan p, Site s, WebScene scene, Music music) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("site", s.name());
        m.put("start", p.startTime());
        m.put("end", p.endTime());
        double limit = p.limits().minSeparation();
        m.put("minSeparation", Limits.given(limit) ? limit : null);
        List<Map<String, Object>> scenes = new ArrayList<>();
        for (SceneSpan sp : p.scenes()) {
            scenes.add(Map.of("name", sp.name(), "start", sp.start(), "holdStart", sp.holdStart(), "holdEnd", sp.holdEnd()));
        }
        m.put("scenes", scenes);
        List<Map<String, Object>> cues = new ArrayList<>();
        for (Cue c : p.timeline().cues()) {
            cues.add(Map.of("name", c.name(), "time", c.time()));
        }
        m.put("cues", cues);
        var beats = p.timeline().beats();
        if (beats != null) {
            m.put("beats", Map.of("bpm", beats.bpm(), "offset", beats.offset(), "beatsPerBar", beats.beatsPerBar()));
        }
        List<Map<String, Object>> cams = new ArrayList<>();
        for (Camera c : Camera.presets(s)) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("eye", new double[] {c.eyeX(), c.eyeY(), c.eyeZ()});
            cm.put("target", new double[] {c.targetX(), c.targetY(), c.targetZ()});
            cm.put("up", new double[] {c.upX(), c.upY(), c.upZ()});
            cm.put("fov", c.fov());
            cams.add(cm);
        }
        m.put("cameras", cams);
        if (music != null) {
            m.put("music", Map.of("mime", mime(music.format()), "offset", music.offset(), "duration", music.duration(),
                    "file", music.file().getFileName().toString()));
        }
        Map<String, Object> sc = new LinkedHashMap<>();
        sc.put("waterLevel", s.waterLevel());
        sc.put("vertexFloats", scene.vertexFloats());
        sc.put("groundFirst", scene.groundFirstVertex());
        sc.put("skyDome", WebScene.skyDomeVertices());
        sc.put("constants", WebScene.constants());
        Map<String, String> shaders = new LinkedHashMap<>();
        for (String f : WebScene.shaderFiles()) {
            shaders.put(f, WebScene.webShader(f));
        }
        sc.put("shaders", shaders);
        sc.put("programs", WebScene.PROGRAMS);
        m.put("scene", sc);
        return m;
    }

    private static String mime(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "mp3" -> "audio/mpeg";
            case "ogg" -> "audio/ogg";
            case "wav" -> "audio/wav";
            case "flac" -> "audio/flac";
            case "m4a", "aac" -> "audio/mp4";
            default -> "application/octet-stream";
        };
    }

    /**
     * The script modules as one inline module: each file's {@code import} lines dropped (the
     * names they import are defined earlier in the same script) and its {@code export} keywords
     * removed. So the modules stay plain ES modules, testable on their own, with no bundler.
     */
    static String script() {
        StringBuilder b = new StringBuilder();
        for (String m : MODULES) {
            b.append("// ---- ").append(m).append('\n');
            for (String line : resource(m).split("\n", -1)) {
                if (line.startsWith("import ")) {
                    continue;
                }
                b.append(line.startsWith("export ") ? line.substring(7) : line).append('\n');
            }
        }
        return b.toString().replace("</script", "<\\/script");
    }

    private static byte[] bytes(String absolute) {
        try (InputStream in = WebCommand.class.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package " + absolute);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = WebCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
