package dev.starling.io.skyc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.io.SyntheticPlans;
import dev.starling.plan.Plan;
import dev.starling.show.Music;
import dev.starling.show.Timeline;
import dev.starling.site.Anchor;
import dev.starling.site.Viewpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code .skyc} carries besides the flight: the soundtrack, byte for byte, with its start
 * time; the show's place on Earth; the audience cameras, looking where the viewpoints look.
 */
class SkycMediaTest {
    static final Path TRACK = Path.of("..", "shows", "chongqing", "assets", "soundtrack.mp3");
    static final Anchor CHAOTIANMEN = new Anchor(29.56415, 106.5905, 175, 70);

    @TempDir
    Path dir;

    private static Plan withMusic(Plan p, Music m) {
        return new Plan(p.name(), p.limits(), p.trajectories(), p.lights(), p.scenes(),
                new Timeline(m, List.of(), null));
    }

    @Test
    void theEmbeddedMp3IsTheAssetByteForByteWithItsStartTimeLocationAndCameras() throws IOException {
        Plan plan = withMusic(SyntheticPlans.plan(21, 8, 10, true), new Music(TRACK, "mp3", 4.5, 376));
        Viewpoint south = new Viewpoint("south-bank", "", 40, -606, 18, -30, 0, 90, 45);
        SkycEnvironment env = new SkycEnvironment(CHAOTIANMEN, List.of(SkycEnvironment.camera(south)));
        Path out = dir.resolve("show.skyc");
        Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults().withEnvironment(env));
        SkycReader.Extras x = SkycReader.readShow(out).extras();
        assertArrayEquals(Files.readAllBytes(TRACK), x.audio(), "the track travels unchanged");
        assertEquals("soundtrack.mp3", x.audioName());
        assertEquals(-4.5, x.audioStart(), 0, "show time 0 is 4.5 s into the track: it starts 4.5 s before the show");
        assertArrayEquals(new double[] {106.5905, 29.56415, 175}, x.origin(), 0);
        assertEquals(340, x.orientation(), 0, "Skybrush's +X is the show's +y: 90° left of the anchor's +x at 70°");
        assertEquals(List.of("south-bank"), x.cameras());
        byte[] first = Files.readAllBytes(out);
        Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults().withEnvironment(env));
        assertArrayEquals(first, Files.readAllBytes(out), "same plan, same bytes");
    }

    @Test
    void aWavTrackIsLeftOutSayingThatSkybrushNeedsMp3() throws IOException {
        Path wav = Files.write(dir.resolve("song.wav"), new byte[] {1, 2, 3});
        Plan plan = withMusic(SyntheticPlans.plan(22, 4, 10, true), new Music(wav, "wav", 0, 10));
        assertTrue(SkycWriter.audioProblem(plan).contains("Skybrush plays MP3 only"), SkycWriter.audioProblem(plan));
        Path out = dir.resolve("show.skyc");
        Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults());
        SkycReader.Extras x = SkycReader.readShow(out).extras();
        assertNull(x.audio());
        assertNull(x.origin(), "no site, no location");
        Plan missing = withMusic(plan, new Music(dir.resolve("gone.mp3"), "mp3", 0, 10));
        assertTrue(SkycWriter.audioProblem(missing).contains("missing"), SkycWriter.audioProblem(missing));
    }

    @Test
    void aCameraLooksFromItsEyeAtItsTarget() {
        Viewpoint v = new Viewpoint("v", "", 40, -606, 18, -30, 0, 90, 45);
        double[] q = SkycEnvironment.camera(v).orientationWxyz();
        // rotate the base view direction (0, 0, -1) and the base up (0, 1, 0) by q
        double[] f = rotate(q, 0, 0, -1), up = rotate(q, 0, 1, 0);
        // in Skybrush's frame (X = show y, Y = −show x): the eye looks 606 m ahead and 70 m to its left
        double dx = 606, dy = 70, dz = 90 - 18, l = Math.sqrt(dx * dx + dy * dy + dz * dz);
        assertEquals(dx / l, f[0], 1e-9);
        assertEquals(dy / l, f[1], 1e-9);
        assertArrayEquals(new double[] {-606, -40, 18}, SkycEnvironment.camera(v).position(), 0);
        assertEquals(dz / l, f[2], 1e-9);
        assertTrue(up[2] > 0.9, "the camera stands upright: its up is nearly +z");
        assertEquals(1, q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3], 1e-12);
    }

    private static double[] rotate(double[] q, double x, double y, double z) {
        double w = q[0], a = q[1], b = q[2], c = q[3];
        // v' = v + 2w(u×v) + 2u×(u×v), u = (a, b, c)
        double tx = 2 * (b * z - c * y), ty = 2 * (c * x - a * z), tz = 2 * (a * y - b * x);
        return new double[] {x + w * tx + (b * tz - c * ty), y + w * ty + (c * tx - a * tz), z + w * tz + (a * ty - b * tx)};
    }
}
