package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A show file reads assets only from its own folder (links followed) unless the person running
 * the command allows another with {@code --assets-from}. The outside file is a valid SVG, so a
 * show that read it would load: the refusals below mean it was never used.
 */
class AssetRootsTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
            + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"40\" fill=\"#ffffff\"/></svg>";

    @TempDir
    Path tmp;
    Path showDir;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        showDir = Files.createDirectories(tmp.resolve("shows/contrib"));
        Files.createDirectories(showDir.resolve("assets"));
        Files.writeString(showDir.resolve("assets/inside.svg"), SVG);
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("box.svg"), SVG);
    }

    private Path show(String file) throws IOException {
        String json = """
                {"format": "starling-show/1", "name": "t", "drones": 20,
                 "limits": {"minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                            "maxAcceleration": 4, "minAltitude": 10, "maxAltitude": 150},
                 "takeoff": {"spacing": 2.5, "columns": 5, "launchAltitude": 10}, "landing": {"returnHome": false},
                 "scenes": [{"name": "box", "formation": {"type": "svg", "file": %s, "width": 30},
                             "placement": {"center": [0, 20, 50]}, "hold": 3}]}
                """.formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(file).toString());
        Path p = showDir.resolve("show.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void anAssetInsideTheShowsFolderLoads() throws IOException {
        Show s = ShowLoader.load(show("assets/inside.svg"));
        assertEquals(1, s.scenes().size());
    }

    @Test
    void aPathThatClimbsOutIsRefusedWithTheFolderAndTheFlag() throws IOException {
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(show("../../elsewhere/box.svg")));
        assertRefused(e);
    }

    @Test
    void anAbsolutePathElsewhereIsRefused() throws IOException {
        String abs = outside.resolve("box.svg").toAbsolutePath().toString();
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(show(abs)));
        assertRefused(e);
    }

    @Test
    void systemFilesAreRefusedBeforeTheyAreRead() throws IOException {
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(show("/etc/hostname")));
        assertRefused(e);
        e = assertThrows(InputException.class, () -> ShowLoader.load(show("../../../../../../../../etc/passwd")));
        assertRefused(e);
    }

    @Test
    void aLinkInsideThatPointsOutsideIsRefused() throws IOException {
        Path link = showDir.resolve("assets/sneaky.svg");
        try {
            Files.createSymbolicLink(link, outside.resolve("box.svg"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links unsupported here: " + e);
        }
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(show("assets/sneaky.svg")));
        assertRefused(e);
    }

    @Test
    void assetsFromLetsAChosenFolderIn() throws IOException {
        Show s = ShowLoader.load(show("../../elsewhere/box.svg"), List.of(outside));
        assertEquals(1, s.scenes().size());
        String abs = outside.resolve("box.svg").toAbsolutePath().toString();
        assertEquals(1, ShowLoader.load(show(abs), List.of(outside)).scenes().size());
        // ...and only that folder
        assertRefused(assertThrows(InputException.class,
                () -> ShowLoader.load(show("/etc/hostname"), List.of(outside))));
    }

    private void assertRefused(InputException e) {
        assertEquals("scenes[0].formation.file", e.path(), e.describe());
        assertTrue(e.describe().contains("outside the show's folder"), e.describe());
        assertTrue(e.describe().contains(showDir.toString()), e.describe());
        assertTrue(e.hint().contains("--assets-from"), e.describe());
    }
}
