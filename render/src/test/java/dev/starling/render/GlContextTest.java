package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GlContextTest {
    @Test
    void withoutADisplayTheMessageSaysToUseXvfb() {
        String m = GlContext.displayProblem(Map.of(), "Linux");
        assertTrue(m.contains("DISPLAY is not set") && m.contains("xvfb-run -a"), m);
        assertNull(GlContext.displayProblem(Map.of("DISPLAY", ":99"), "Linux"));
        assertNull(GlContext.displayProblem(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"));
        assertNull(GlContext.displayProblem(Map.of(), "Mac OS X"), "other systems need no DISPLAY");
    }
}
