package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shows shipped in {@code shows/} and the example in {@code docs/show-format.md} stay valid. */
class ShowFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path HELLO = ROOT.resolve("shows/hello/show.json");

    @Test
    void helloLoads() {
        Show s = ShowLoader.load(HELLO);
        assertTrue(s.drones() <= 100, "hello is the small example");
        assertTrue(s.scenes().size() >= 2 && s.scenes().size() <= 3);
    }

    @Test
    void theDocsExampleIsTheHelloShowVerbatim() throws IOException {
        String md = Files.readString(ROOT.resolve("docs/show-format.md"));
        int section = md.indexOf("## Complete example");
        int start = md.indexOf("```json\n", section) + "```json\n".length();
        int end = md.indexOf("\n```", start);
        assertEquals(Files.readString(HELLO).strip(), md.substring(start, end).strip(),
                "docs/show-format.md's complete example must be shows/hello/show.json");
    }
}
