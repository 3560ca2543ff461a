package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starling plan} reads a show's assets from its own folder only, unless --assets-from allows more. */
class PlanAssetsTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
            + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"40\" fill=\"#ffffff\"/></svg>";

    @TempDir
    Path tmp;

    /** The hello show with its first scene drawn from {@code file}, in tmp/contrib/show.json. */
    private Path showUsing(String file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode show = (ObjectNode) m.readTree(Files.readString(Path.of("../shows/hello/show.json")));
        ObjectNode f = m.createObjectNode().put("type", "svg").put("file", file).put("width", 30);
        ((ObjectNode) show.withArray("scenes").get(0)).set("formation", f);
        Path dir = Files.createDirectories(tmp.resolve("contrib"));
        Path p = dir.resolve("show.json");
        Files.writeString(p, m.writerWithDefaultPrettyPrinter().writeValueAsString(show));
        return p;
    }

    @Test
    void anAssetOutsideTheShowFolderIsExit2AndNothingIsWritten() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("box.svg"), SVG);
        Path out = tmp.resolve("out");
        for (String file : new String[] {"../shared/box.svg", shared.resolve("box.svg").toString(), "/etc/hostname"}) {
            Run r = run("plan", showUsing(file).toString(), "--out", out.toString(), "-q");
            assertEquals(2, r.code(), file + ": " + r.err());
            assertTrue(r.err().contains("scenes[0].formation.file"), r.err());
            assertTrue(r.err().contains("outside the show's folder " + tmp.resolve("contrib")), r.err());
            assertTrue(r.err().contains("--assets-from"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out.resolve("plan.json")));
        }
    }

    @Test
    void assetsFromLetsTheChosenFolderIn() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("box.svg"), SVG);
        Path out = tmp.resolve("out");
        Run r = run("plan", showUsing("../shared/box.svg").toString(), "--out", out.toString(), "-q",
                "--assets-from", shared.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("plan.json")));
    }

    @Test
    void assetsFromMustBeAFolder() throws IOException {
        Run r = run("plan", showUsing("x.svg").toString(), "--out", tmp.resolve("out").toString(), "-q",
                "--assets-from", tmp.resolve("missing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--assets-from: folder not found"), r.err());
    }
}
