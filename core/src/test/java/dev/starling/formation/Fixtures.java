package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared helpers of the formation tests: a spec builder, fixture files, spacing oracles. */
final class Fixtures {
    /** Default placement of the show frame: centre (0, 0, 60), plane xz. */
    static final Placement FRONT = Placement.DEFAULT;

    private Fixtures() {
    }

    /** Builder for {@link FormationSpec}, which has a field per formation type. */
    static final class Spec {
        String type, text, font, file, shape, mode;
        Double height, width, size, turns, threshold, scale;
        Integer count;

        static Spec of(String type) {
            Spec s = new Spec();
            s.type = type;
            return s;
        }

        Spec text(String v) { text = v; return this; }
        Spec font(String v) { font = v; return this; }
        Spec file(String v) { file = v; return this; }
        Spec shape(String v) { shape = v; return this; }
        Spec mode(String v) { mode = v; return this; }
        Spec height(double v) { height = v; return this; }
        Spec width(double v) { width = v; return this; }
        Spec size(double v) { size = v; return this; }
        Spec turns(double v) { turns = v; return this; }
        Spec threshold(double v) { threshold = v; return this; }
        Spec scale(double v) { scale = v; return this; }
        Spec count(int v) { count = v; return this; }

        FormationSpec build() {
            return new FormationSpec(type, text, font, height, width, file, shape, size, turns, mode, threshold, scale, count);
        }
    }

    static Targets sample(FormationSpec spec, int drones, double minSpacing, Path dir) {
        return Formations.sample(spec, FRONT, 0xFFFFFF, drones, minSpacing, dir);
    }

    /** Exactly n points, k lit, every pair at least minSpacing apart (checked over all pairs). */
    static void assertValid(Targets t, int n, int k, double minSpacing) {
        assertEquals(n, t.size(), "one target per drone");
        assertEquals(k, t.litCount(), "lit points");
        double min = t.minSpacingBruteForce();
        assertTrue(min >= minSpacing, "closest pair " + min + " m, below the bound " + minSpacing);
        for (int i = k; i < n; i++) {
            assertEquals(0, t.rgb()[i], "reserve points are dark");
        }
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final Pattern SCALE = Pattern.compile("scale it by at least ([0-9.]+)");

    /** The factor an "it cannot hold" error asks the shape to be scaled by. */
    static double suggestedScale(InputException e) {
        Matcher m = SCALE.matcher(e.hint());
        assertTrue(m.find(), "hint names a scale factor: " + e.hint());
        return Double.parseDouble(m.group(1));
    }

    /** The value the hint suggests for {@code field}: "height 40 → 48.4" gives 48.4. */
    static double suggestedValue(InputException e, String field) {
        Matcher m = Pattern.compile(field + " [0-9.]+ → ([0-9.]+)").matcher(e.hint());
        assertTrue(m.find(), "hint suggests a new " + field + ": " + e.hint());
        return Double.parseDouble(m.group(1));
    }
}
