package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class FormationsTest {
    static final Path HERE = Path.of(".");
    static final FormationSpec HEART = Spec.of("shape").shape("heart").size(60).count(300).build();

    @Test
    void reserveDronesWaitDarkBehindAndApart() {
        Targets t = Formations.sample(HEART, Placement.DEFAULT, 0xFF0000, 500, 2.12, HERE);
        assertValid(t, 500, 300, 2.12);
        double litDepth = Double.NEGATIVE_INFINITY, litLow = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 300; i++) {
            assertEquals(0xFF0000, t.rgb()[i]);
            litDepth = Math.max(litDepth, t.y()[i]);
            litLow = Math.min(litLow, t.z()[i]);
        }
        for (int i = 300; i < 500; i++) {
            assertTrue(t.y()[i] >= litDepth + Formations.RESERVE_GAP - 1e-9, "behind the formation");
            assertTrue(t.z()[i] >= litLow - 1e-9, "never below the formation");
        }
    }

    @Test
    void aLargeReserveForASmallFormationStaysCompactAndAboveIt() {
        FormationSpec one = Spec.of("shape").shape("heart").size(10).count(5).build();
        Targets t = Formations.sample(one, Placement.DEFAULT, 0xFFFFFF, 1005, 1.5, HERE);
        assertValid(t, 1005, 5, 1.5);
        double[] y = Arrays.copyOfRange(t.y(), 5, 1005);
        Arrays.sort(y);
        assertTrue(y[y.length - 1] - y[0] < 30, "a block, not a long line: depth " + (y[y.length - 1] - y[0]));
    }

    @Test
    void aHugeFormationGetsACompactReserveBlock() {
        FormationSpec wide = Spec.of("shape").shape("grid").size(10_000).height(10_000).count(4).build();
        Targets t = Formations.sample(wide, Placement.DEFAULT, 0xFFFFFF, 504, 2.12, HERE);
        assertValid(t, 504, 4, 2.12);
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        for (int i = 4; i < 504; i++) {
            x0 = Math.min(x0, t.x()[i]);
            x1 = Math.max(x1, t.x()[i]);
        }
        assertTrue(x1 - x0 < 200, "500 reserve drones in a block, not spread over 10 km: " + (x1 - x0));
    }

    @Test
    void placementMapsPlanesAndKeepsSpacing() {
        FormationSpec grid = Spec.of("shape").shape("grid").size(10).height(10).count(4).build();
        // 2 × 2 lattice, cell 10 m: local u, v = ±5
        Targets xz = Formations.sample(grid, new Placement(new double[] {1, 2, 30}, "xz", null), 0xFFFFFF, 4, 2, HERE);
        Targets yz = Formations.sample(grid, new Placement(new double[] {1, 2, 30}, "yz", null), 0xFFFFFF, 4, 2, HERE);
        Targets xy = Formations.sample(grid, new Placement(new double[] {1, 2, 30}, "xy", null), 0xFFFFFF, 4, 2, HERE);
        for (int i = 0; i < 4; i++) {
            assertEquals(2, xz.y()[i], 1e-12, "xz faces the audience: depth fixed");
            assertEquals(1, yz.x()[i], 1e-12, "yz is side-on: x fixed");
            assertEquals(30, xy.z()[i], 1e-12, "xy is flat: altitude fixed");
        }
        assertEquals(1 - 5, xz.x()[0], 1e-12, "u → x");
        assertEquals(30 + 5, xz.z()[0], 1e-12, "v → z, first row on top");
        Targets rotated = Formations.sample(grid, new Placement(new double[] {0, 0, 30}, "xz", new double[] {0, 0, 90}),
                0xFFFFFF, 4, 2, HERE);
        for (int i = 0; i < 4; i++) {
            assertEquals(xz.x()[i] - 1, rotated.y()[i], 1e-9, "a quarter turn about z takes x to y");
        }
        assertEquals(10, rotated.minSpacingBruteForce(), 1e-9);
    }

    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        FormationResult a = Formations.sampleReport(HEART, Placement.DEFAULT, 1, 300, 2, HERE, 42);
        FormationResult b = Formations.sampleReport(HEART, Placement.DEFAULT, 1, 300, 2, HERE, 42);
        FormationResult c = Formations.sampleReport(HEART, Placement.DEFAULT, 1, 300, 2, HERE, 43);
        assertArrayEquals(a.targets().x(), b.targets().x());
        assertArrayEquals(a.targets().z(), b.targets().z());
        assertFalse(Arrays.equals(a.targets().x(), c.targets().x()));
        assertEquals(a.litMinSpacing(), Spacing.min(a.targets().x(), a.targets().y(), a.targets().z(), 300), 1e-12);
    }

    @Test
    void countMustFitTheFleet() {
        InputException over = assertThrows(InputException.class,
                () -> Formations.sample(HEART, Placement.DEFAULT, 1, 200, 2, HERE));
        assertEquals("count", over.path());
        assertTrue(over.getMessage().contains("more than the fleet's 200"), over.getMessage());
        FormationSpec zero = Spec.of("shape").shape("heart").size(60).count(0).build();
        assertEquals("count", assertThrows(InputException.class,
                () -> Formations.sample(zero, Placement.DEFAULT, 1, 200, 2, HERE)).path());
        FormationSpec all = Spec.of("shape").shape("heart").size(60).build();
        assertEquals(200, Formations.sample(all, Placement.DEFAULT, 1, 200, 2, HERE).litCount(), "no count: every drone lit");
    }

    @Test
    void badTypesAndPlacementsAreInputErrors() {
        assertEquals("type", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("hologram").build(), HERE)).path());
        assertEquals("plane", assertThrows(InputException.class,
                () -> Formations.checkPlacement(new Placement(new double[] {0, 0, 0}, "zx", null))).path());
        assertEquals("center", assertThrows(InputException.class,
                () -> Formations.checkPlacement(new Placement(new double[] {0, Double.NaN, 0}, "xz", null))).path());
        assertEquals("rotation", assertThrows(InputException.class,
                () -> Formations.checkPlacement(new Placement(new double[] {0, 0, 0}, "xz", new double[] {1, 2}))).path());
    }

    @Test
    void tooSmallShapesSayHowMuchToScaleAndThatScaleFits() {
        FormationSpec small = Spec.of("shape").shape("heart").size(20).count(300).build();
        InputException e = assertThrows(InputException.class,
                () -> Formations.sample(small, Placement.DEFAULT, 1, 300, 2.12, HERE));
        assertEquals("size", e.path());
        assertTrue(e.getMessage().contains("cannot hold 300 points 2.12 m apart; it holds about"), e.getMessage());
        double size = Fixtures.suggestedValue(e, "size");
        FormationSpec scaled = Spec.of("shape").shape("heart").size(size).count(300).build();
        assertValid(Formations.sample(scaled, Placement.DEFAULT, 1, 300, 2.12, HERE), 300, 300, 2.12);
    }

    /** Whatever the shape and the numbers: either every pair keeps the bound, or an input error. */
    @Property(tries = 25)
    void spacingNeverBelowBound(@ForAll("shapes") String shape, @ForAll @IntRange(min = 1, max = 250) int k,
                                @ForAll @DoubleRange(min = 0.5, max = 4) double minSpacing,
                                @ForAll @IntRange(min = 0, max = 40) int reserve) {
        FormationSpec spec = Spec.of("shape").shape(shape).size(40).count(k).build();
        try {
            Targets t = Formations.sample(spec, Placement.DEFAULT, 0xFFFFFF, k + reserve, minSpacing, HERE);
            assertValid(t, k + reserve, k, minSpacing);
        } catch (InputException e) {
            assertTrue(e.getMessage().contains("cannot hold"), e.getMessage());
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> shapes() {
        return net.jqwik.api.Arbitraries.of("sphere", "torus", "ring", "helix", "grid", "heart");
    }

    @Test
    @Tag("slow")
    void fiveThousandPointsOnTextKeepTheBound() {
        FormationSpec spec = Spec.of("text").text("AI+车").height(200).count(5000).build();
        Targets t = Formations.sample(spec, Placement.DEFAULT, 0xFFFFFF, 5000, 2.12, HERE);
        assertValid(t, 5000, 5000, 2.12);
    }
}
