package dev.starling.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The solver against the textbook Hungarian algorithm on a few hundred random instances. */
class AssignerPropertiesTest {
    enum Family {
        BOX, GRID_TO_PLANE, PLANE_TO_GRID, ROTATED_PLANE, RECTANGLE_TO_RING, LAUNCH_TO_LIT_AND_RESERVE, COLLINEAR, LATTICE,
        IDENTICAL_STARTS
    }

    @Property(tries = 300, seed = "20261125")
    void minimumCostEqualsTheReferenceHungarian(@ForAll Family family, @ForAll @IntRange(min = 1, max = 200) int n,
                                                @ForAll long seed) {
        Instances in = switch (family) {
            case BOX -> Instances.box(n, seed);
            case GRID_TO_PLANE -> Instances.gridToPlane(n, seed);
            case PLANE_TO_GRID -> Instances.planeToGrid(n, seed);
            case ROTATED_PLANE -> Instances.gridToRotatedPlane(n, seed, (seed & 0xff) / 256.0);
            case RECTANGLE_TO_RING -> Instances.rectangleToRing(n, seed);
            case LAUNCH_TO_LIT_AND_RESERVE -> Instances.launchToLitAndReserve(n, seed);
            case COLLINEAR -> Instances.collinear(n, seed);
            case LATTICE -> Instances.lattice(n, seed, 3);
            case IDENTICAL_STARTS -> Instances.identicalStarts(n, seed);
        };
        Assignment a = in.solve();
        assertTrue(a.certificate().valid());
        long[][] c = in.quantisedCosts(a.certificate().quantisation());
        assertEquals(ReferenceHungarian.minimumCost(c), AssignerTest.total(c, a.target()));
    }
}
