package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.show.Facing;
import dev.starling.show.Placement;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.InputException;
import dev.starling.site.Site;
import dev.starling.site.Viewpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacingTest {
    static final Path ROOT = ShowTargetsTest.ROOT;
    /** An audience due east of the hello show, 400 m off, 10 m up. */
    static final Viewpoint EAST = new Viewpoint("east", "east bank", 400, 20, 10, 0, 20, 50, 45);
    static final Viewpoint SOUTH = new Viewpoint("south", "the main audience", 0, -380, 10, 0, 20, 50, 45);

    private static Show hello(String sceneFaces) throws Exception {
        String json = Files.readString(ROOT.resolve("shows/hello/show.json"));
        String find = "\"placement\": { \"center\": [0, 20, 50] },\n      \"color\": \"#FFD27A\"";
        assertTrue(json.contains(find));
        return ShowLoader.parse(json.replace(find, find + ",\n      \"faces\": " + sceneFaces),
                ROOT.resolve("shows/hello"), "hello.json");
    }

    @Test
    void facingAViewpointTurnsTheTextRigidlySoThatItReadsFromThere() throws Exception {
        Show asPlaced = ShowTargetsTest.helloWith("\"color\": \"#FFD27A\"", "\"color\": \"#FFD27A\"");
        Show east = hello("\"east\"");
        List<Viewpoint> vps = List.of(SOUTH, EAST);
        Targets before = ShowTargets.sample(asPlaced, 0, vps);
        Targets after = ShowTargets.sample(east, 0, vps);

        // the front (−y as placed) turns a quarter counter-clockwise to +x, at the east eye
        double yaw = Facing.yaw(east, 0, vps);
        assertEquals(90.0, yaw, 1e-9);
        double[] front = Placement.front(Facing.placement(east, 0, vps), "text");
        assertEquals(1.0, front[0], 1e-12);

        // every lit point is the placed one turned about the vertical axis through the centre
        double[] c = asPlaced.scenes().get(0).placement().center();
        for (int i = 0; i < before.litCount(); i++) {
            double dx = before.x()[i] - c[0], dy = before.y()[i] - c[1];
            assertEquals(c[0] - dy, after.x()[i], 1e-9, "x of lit point " + i);
            assertEquals(c[1] + dx, after.y()[i], 1e-9, "y of lit point " + i);
            assertEquals(before.z()[i], after.z()[i], 1e-9, "z of lit point " + i);
        }
        assertTrue(after.minSpacingBruteForce() >= ShowTargets.minSpacing(east) - 1e-9);

        // reading direction: the text's left-to-right (u, +x as placed) now runs along +y, which is
        // the right hand of someone at +x looking back (−x) with +z up
        int left = argMin(before.x(), before.litCount());
        assertTrue(after.y()[left] < c[1], "the text's leftmost point is on the east audience's left (−y)");

        Facing.Audience a = Facing.audiences(east, vps).get(0);
        assertEquals("reads", a.views().get(1).verdict());
        assertTrue(a.views().get(1).angleDeg() > 80, a.toString());
        assertEquals("edge-on", a.views().get(0).verdict(), "the south audience now sees it side-on");
    }

    @Test
    void autoMaximisesTheWorstReadViewpointAndTheMainAudienceNeverSeesItMirrored() throws Exception {
        Site site = Site.read(ROOT.resolve("shows/chongqing/site.json"));
        Show show = ShowLoader.load(ROOT.resolve("shows/chongqing/show.json"));
        List<Viewpoint> vps = site.viewpoints();
        List<Facing.Audience> audiences = Facing.audiences(show, vps);
        int flat = 0;
        for (int i = 0; i < show.scenes().size(); i++) {
            Scene s = show.scenes().get(i);
            Facing.Audience a = audiences.get(i);
            if (!s.parts().isEmpty()) {
                // a scene of parts (the car and its wheels) is placed part by part, never turned by faces
                assertEquals(null, s.faces(), s.name());
                assertEquals("reads", a.views().get(0).verdict(), s.name() + ": " + a);
                continue;
            }
            if (!Facing.flat(s.formation())) {
                a.views().forEach(v -> assertEquals("3-D", v.verdict(), a.toString()));
                continue;
            }
            flat++;
            assertEquals(Facing.AUTO, s.faces(), s.name() + " faces auto in the flagship");
            assertEquals("south-bank", a.views().get(0).viewpoint());
            assertEquals("reads", a.views().get(0).verdict(), s.name() + ": " + a);
            assertTrue(a.views().get(0).angleDeg() > 0, s.name() + " is seen from its front at the south bank");

            // no other yaw (every half degree) reads better from the worst-placed viewpoint
            Placement p = s.placement();
            double[] f = Placement.front(p, s.formation().type());
            double chosen = worstCos(f, a.yawDeg(), p.center(), vps);
            for (double yaw = -180; yaw < 180; yaw += 0.5) {
                assertTrue(worstCos(f, yaw, p.center(), vps) <= chosen + 1e-4,
                        s.name() + ": yaw " + yaw + " reads better than the chosen " + a.yawDeg());
            }
        }
        assertTrue(flat >= 5, "the flagship's text and drawings are flat");
    }

    @Test
    void withoutASiteAutoKeepsThePlacementAndANamedViewpointIsAnError() throws Exception {
        assertEquals(0.0, Facing.yaw(hello("\"auto\""), 0, List.of()));
        InputException e = assertThrows(InputException.class,
                () -> ShowTargets.sampleAll(hello("\"south-bank\""), List.of()));
        assertEquals("scenes[0].faces", e.path(), e.describe());
        assertEquals("hello.json", e.file());
        assertTrue(e.hint().contains("--site"), e.describe());
    }

    @Test
    void anUnknownViewpointSuggestsTheSitesNames() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> ShowTargets.sampleAll(hello("\"eastt\""), List.of(SOUTH, EAST)));
        assertEquals("scenes[0].faces", e.path());
        assertTrue(e.getMessage().contains("\"eastt\""), e.describe());
        assertTrue(e.hint().contains("did you mean \"east\""), e.describe());
        assertTrue(e.hint().contains("auto"), e.describe());
    }

    @Test
    void aFormationLyingFlatCannotTurnToFaceAnAudience() throws Exception {
        String json = Files.readString(ROOT.resolve("shows/hello/show.json")).replace(
                "\"placement\": { \"center\": [0, 20, 50] },\n      \"color\": \"#FFD27A\"",
                "\"placement\": { \"center\": [0, 20, 50], \"plane\": \"xy\" },\n      \"color\": \"#FFD27A\",\n"
                        + "      \"faces\": \"east\"");
        Show show = ShowLoader.parse(json, ROOT.resolve("shows/hello"), "hello.json");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sample(show, 0, List.of(EAST)));
        assertTrue(e.getMessage().contains("lies flat"), e.describe());
        assertTrue(e.hint().contains("upright"), e.describe());
    }

    @Test
    void anEmptyFacesIsRefusedWhenTheShowIsRead() {
        InputException e = assertThrows(InputException.class, () -> hello("\"  \""));
        assertEquals("scenes[0].faces", e.path(), e.describe());
    }

    @Test
    void textSeenFromBehindIsMirroredAndSymmetricShapesAreNot() throws Exception {
        Viewpoint behind = new Viewpoint("behind", "across the river", 0, 420, 10, 0, 20, 50, 45);
        Show show = ShowTargetsTest.helloWith("\"color\": \"#FFD27A\"", "\"color\": \"#FFD27A\"");
        List<Facing.Audience> a = Facing.audiences(show, List.of(SOUTH, behind));
        assertEquals("mirrored", a.get(0).views().get(1).verdict(), "the text HI from behind");
        assertEquals("reads", a.get(1).views().get(1).verdict(), "a heart reads the same from behind");
        assertEquals("reads", a.get(0).views().get(0).verdict());
    }

    private static double worstCos(double[] f, double yawDeg, double[] c, List<Viewpoint> vps) {
        double a = Math.toRadians(yawDeg);
        double gx = Math.cos(a) * f[0] - Math.sin(a) * f[1], gy = Math.sin(a) * f[0] + Math.cos(a) * f[1];
        double worst = Double.POSITIVE_INFINITY;
        for (Viewpoint v : vps) {
            double dx = v.eyeX() - c[0], dy = v.eyeY() - c[1], dz = v.eyeZ() - c[2];
            double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
            worst = Math.min(worst, Math.abs(gx * dx + gy * dy + f[2] * dz) / n);
        }
        return worst;
    }

    private static int argMin(double[] a, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (a[i] < a[best]) {
                best = i;
            }
        }
        return best;
    }
}
