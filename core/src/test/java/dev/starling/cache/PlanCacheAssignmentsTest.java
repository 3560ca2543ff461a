package dev.starling.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.plan.Assignments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached assignments are proven again, not trusted: an entry that passes every hash check but
 * holds a different permutation fails its certificate and is solved afresh; and the canonical
 * order makes an assignment a function of the point sets.
 */
class PlanCacheAssignmentsTest {
    @TempDir
    Path tmp;

    private static double[][] points(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        for (double[] a : p) {
            for (int i = 0; i < n; i++) {
                a[i] = r.nextDouble(-50, 50);
            }
        }
        return p;
    }

    private PlanCache cache() throws IOException {
        Path show = tmp.resolve("show.json");
        Files.writeString(show, "{\"scenes\": []}");
        return PlanCache.open(new ContentCache(tmp.resolve(".starling-cache")), show, List.of());
    }

    @Test
    void aWellHashedEntryWithAnotherPermutationIsSolvedAfresh() throws IOException {
        double[][] p = points(300, 7);
        Assignment fresh = Assigner.solve(p[0], p[1], p[2], p[3], p[4], p[5]);
        int[] wrong = fresh.target().clone();
        int t = wrong[0];
        wrong[0] = wrong[1];
        wrong[1] = t;
        Assignment tampered = new Assignment(wrong, fresh.cost(), fresh.certificate());
        ContentCache store = new ContentCache(tmp.resolve(".starling-cache"));
        ContentCache.Key key = ContentCache.Key.of("assign").add(p[0]).add(p[1]).add(p[2]).add(p[3]).add(p[4])
                .add(p[5]).build();
        store.put(key, PlanCache.encode(tampered));
        assertNull(PlanCache.decodeAssignment(store.get(key), p[0], p[1], p[2], p[3], p[4], p[5]),
                "the certificate does not prove a swapped permutation");

        PlanCache cache = cache();
        Assignment got = cache.assignments().solve(p[0], p[1], p[2], p[3], p[4], p[5]);
        assertArrayEquals(fresh.target(), got.target());
        assertEquals("cache: 0 of 0 scenes and 0 of 1 assignments reused (" + store.dir() + ")", cache.summary());
        Assignment again = cache.assignments().solve(p[0], p[1], p[2], p[3], p[4], p[5]);
        assertArrayEquals(fresh.target(), again.target());
        assertEquals(fresh.cost(), again.cost());
    }

    @Test
    void aCommandsProvenAssignmentsAnswerItsNextPlanForTheSamePointsOnly() throws IOException {
        double[][] p = points(200, 9);
        PlanCache.Proven proven = new PlanCache.Proven(4);
        Path show = tmp.resolve("show.json");
        Files.writeString(show, "{\"scenes\": []}");
        PlanCache first = PlanCache.open(new ContentCache(tmp.resolve("a")), show, List.of(), proven);
        Assignment solved = first.assignments().solve(p[0], p[1], p[2], p[3], p[4], p[5]);
        solved.target()[0] = -1; // a caller's copy: scribbling on it reaches nothing else
        // a store that never saw it (nothing committed, another folder): answered from memory
        PlanCache next = PlanCache.open(new ContentCache(tmp.resolve("b")), show, List.of(), proven);
        Assignment again = next.assignments().solve(p[0], p[1], p[2], p[3], p[4], p[5]);
        assertArrayEquals(Assigner.solve(p[0], p[1], p[2], p[3], p[4], p[5]).target(), again.target());
        assertTrue(next.summary().startsWith("cache: 0 of 0 scenes and 1 of 1 assignments reused"), next.summary());
        double[] moved = p[3].clone();
        moved[7] = Math.nextUp(moved[7]);
        next.assignments().solve(p[0], p[1], p[2], moved, p[4], p[5]);
        assertTrue(next.summary().contains("1 of 2 assignments reused"), "other points are solved: " + next.summary());
    }

    @Test
    void canonicalOrderMakesTheAssignmentAFunctionOfThePointSets() {
        double[][] p = points(400, 11);
        int n = p[0].length;
        Assignment a = Assignments.solve(Assignments.FRESH, p[0], p[1], p[2], p[3], p[4], p[5]);
        // the same start points held by other drones: reversed order
        double[] rx = new double[n], ry = new double[n], rz = new double[n];
        for (int i = 0; i < n; i++) {
            rx[i] = p[0][n - 1 - i];
            ry[i] = p[1][n - 1 - i];
            rz[i] = p[2][n - 1 - i];
        }
        Assignment b = Assignments.solve(Assignments.FRESH, rx, ry, rz, p[3], p[4], p[5]);
        for (int i = 0; i < n; i++) {
            assertEquals(a.target()[i], b.target()[n - 1 - i], "start point " + i + " goes to the same goal");
        }
        assertEquals(0, a.certificate().maxViolation());
        assertEquals(0, b.certificate().maxAssignedSlack());
    }
}
