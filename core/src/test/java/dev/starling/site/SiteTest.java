package dev.starling.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteTest {
    private static final Path FLAGSHIP = Path.of("..", "shows", "chongqing", "site.json");
    private static final double EPS = 1e-9;
    /** Gap the flagship's districts ask for between generated towers (the default). */
    private static final double DISTRICT_GAP = 10;

    private static final String MINIMAL = """
            {"format": "starling-site/1", "name": "test", "waterLevel": -2,
             "showBox": {"min": [-50, -50, 0], "max": [50, 50, 100]},
             "rivers": [{"name": "r", "polygon": [[-500, -500], [500, -500], [500, 500], [-500, 500]]}],
             "banks": [{"name": "b", "elevation": 20, "polygon": [[100, 100], [300, 100], [300, 300], [100, 300]]}],
             "towers": [%s],
             "bridges": [{"name": "br", "deck": [[-200, -300], [-200, 300]], "deckHeight": 40, "width": 20,
                          "pylons": [[-200, 0, 150]], "lights": "#ffc070"}],
             "viewpoints": [{"name": "v", "eye": [0, -400, 10], "target": [0, 0, 50], "fov": 45}]}
            """;
    private static final String TOWER = "{\"name\": \"t\", \"center\": [200, 200], \"size\": [40, 20], \"height\": 100, \"windows\": \"#ffd49a\"}";

    private static Site parse(String json) {
        return Site.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static InputException refuse(String json) {
        return assertThrows(InputException.class, () -> parse(json));
    }

    @Test
    void flagshipSiteHasTheTwoRiversRafflesCityAndTheAudienceViewpoints() {
        Site s = Site.read(FLAGSHIP);
        assertEquals(List.of("Yangtze", "Jialing"), s.rivers().stream().map(River::name).toList());
        long raffles = s.towers().stream().filter(t -> t.name().startsWith("Raffles City")).count();
        assertEquals(8, raffles, "six 250 m towers and two 350 m towers");
        assertEquals(11 + 55 + 60 + 45 + 40 + 40, s.towers().size(), "listed towers plus every district's");
        for (String v : List.of("south-bank", "north-bank", "chaotianmen")) {
            assertTrue(s.viewpoint(v).isPresent(), v);
        }
        assertTrue(s.bridges().stream().anyMatch(b -> b.name().startsWith("Qiansimen")));
        assertTrue(s.bridges().stream().anyMatch(b -> b.name().startsWith("Dongshuimen")));
    }

    @Test
    void flagshipShowBoxIsOverWaterAndClearOfEveryStructure() {
        Site s = Site.read(FLAGSHIP);
        ShowBox box = s.showBox();
        double[] xs = {box.minX(), box.centerX(), box.maxX()};
        double[] ys = {box.minY(), box.centerY(), box.maxY()};
        for (double x : xs) {
            for (double y : ys) {
                assertTrue(s.rivers().stream().anyMatch(r -> r.outline().contains(x, y)), "over a river: " + x + ", " + y);
                assertTrue(s.banks().stream().noneMatch(b -> b.outline().contains(x, y)), "not over land: " + x + ", " + y);
                for (double z : new double[] {box.minZ(), box.centerZ(), box.maxZ()}) {
                    assertTrue(s.distanceToStructures(x, y, z) > 30, "structures keep away from " + x + ", " + y + ", " + z);
                }
            }
        }
    }

    @Test
    void flagshipRafflesCityStandsOnTheTipOfThePeninsulaBehindTheShow() {
        Site s = Site.read(FLAGSHIP);
        Bank yuzhong = s.banks().stream().filter(b -> b.name().startsWith("Yuzhong peninsula")).findFirst().orElseThrow();
        for (Tower t : s.towers()) {
            if (t.name().startsWith("Raffles City")) {
                for (int i = 0; i < t.footprint().size(); i++) {
                    assertTrue(yuzhong.outline().contains(t.footprint().x(i), t.footprint().y(i)), t.name() + " on Yuzhong");
                    assertTrue(t.footprint().y(i) > s.showBox().maxY() || t.footprint().x(i) < s.showBox().minX(),
                            t.name() + " behind or beside the show box as the south bank sees it");
                }
                assertEquals(yuzhong.elevation(), t.base(), EPS, "base defaults to the ground under the tower");
            }
        }
        Viewpoint south = s.viewpoint("south-bank").orElseThrow();
        assertTrue(south.eyeY() < s.showBox().minY(), "the main audience is in front of the show");
    }

    @Test
    void districtTowersAreDeterministicInsideTheirDistrictAndApart() {
        Site a = Site.read(FLAGSHIP);
        Site b = Site.read(FLAGSHIP);
        assertEquals(a.towers(), b.towers());
        List<Tower> generated = a.towers().stream().filter(t -> t.name().contains(" #")).toList();
        assertEquals(240, generated.size());
        for (int i = 0; i < generated.size(); i++) {
            for (int j = i + 1; j < generated.size(); j++) {
                assertTrue(generated.get(i).footprint().distanceTo(generated.get(j).footprint()) >= DISTRICT_GAP - 1e-6,
                        generated.get(i).name() + " and " + generated.get(j).name() + " keep the district gap");
            }
        }
    }

    @Test
    void towerDistanceIsToTheNearestPointOfThePrism() {
        Tower t = parse(MINIMAL.formatted(TOWER)).towers().get(0);
        assertEquals(20, t.base(), EPS, "stands on the bank");
        assertEquals(120, t.top(), EPS);
        assertEquals(0, t.distanceTo(200, 200, 50), EPS);
        assertEquals(30, t.distanceTo(200, 200, 150), EPS);
        assertEquals(5, t.distanceTo(225, 200, 60), EPS);
        assertEquals(5, t.distanceTo(225, 200, 60), EPS);
        assertEquals(Math.hypot(5, 10), t.distanceTo(225, 200, 130), EPS);
    }

    @Test
    void bridgeDistanceCoversDeckSlabAndPylons() {
        Bridge br = parse(MINIMAL.formatted(TOWER)).bridges().get(0);
        assertEquals(0, br.distanceTo(-200, 100, 38), EPS, "inside the deck slab");
        assertEquals(10, br.distanceTo(-200, 100, 50), EPS, "above the road");
        assertEquals(5, br.distanceTo(-185, 100, 40), EPS, "beside the deck (width 20)");
        assertEquals(3, br.distanceTo(-197, 0, 120), EPS, "beside the pylon");
        assertEquals(-2, br.pylons().get(0).base(), EPS, "pylons stand in the water");
    }

    @Test
    void badValuesAreReportedWithTheirJsonPathAndAFix() {
        InputException missing = refuse(MINIMAL.formatted(TOWER.replace("\"height\": 100, ", "")));
        assertEquals("towers[0].height", missing.path());
        assertEquals("test.json", missing.file());

        InputException colour = refuse(MINIMAL.formatted(TOWER.replace("#ffd49a", "amber")));
        assertEquals("towers[0].windows", colour.path());
        assertTrue(colour.hint().contains("#RRGGBB"));

        InputException unknown = refuse(MINIMAL.formatted(TOWER.replace("\"height\"", "\"heigth\": 1, \"height\"")));
        assertEquals("towers[0].heigth", unknown.path());
        assertTrue(unknown.line() > 0);

        InputException crossing = refuse(MINIMAL.replace("[[100, 100], [300, 100], [300, 300], [100, 300]]",
                "[[100, 100], [300, 300], [300, 100], [100, 200]]").formatted(TOWER));
        assertEquals("banks[0].polygon", crossing.path());
        assertTrue(crossing.getMessage().contains("crosses itself"));

        InputException inBox = refuse(MINIMAL.formatted(TOWER.replace("[200, 200]", "[30, 30]")));
        assertEquals("towers[0]", inBox.path());
        assertTrue(inBox.getMessage().contains("show box"));

        InputException twice = refuse(MINIMAL.formatted(TOWER + ", " + TOWER.replace("[200, 200]", "[250, 260]")));
        assertEquals("towers[1].name", twice.path());

        InputException format = refuse(MINIMAL.formatted(TOWER).replace("starling-site/1", "starling-site/9"));
        assertEquals("format", format.path());

        InputException syntax = refuse("{\"format\": ");
        assertTrue(syntax.getMessage().startsWith("malformed JSON"));
    }

    @Test
    void aDistrictTooSmallForItsTowersSaysHowToFixIt() {
        String json = MINIMAL.formatted(TOWER).replace("\"bridges\"", """
                "districts": [{"name": "d", "count": 50, "height": [30, 60], "size": [30, 30], "seed": 1,
                  "windows": ["#ffffff"], "polygon": [[100, 100], [300, 100], [300, 300], [100, 300]]}],
                "bridges\"""");
        InputException e = refuse(json);
        assertEquals("districts[0]", e.path());
        assertTrue(e.getMessage().contains("fits only"), e.getMessage());
        assertTrue(e.hint().contains("lower \"count\""));
    }

    @Test
    void aViewpointInsideATowerIsRefused() {
        InputException e = refuse(MINIMAL.formatted(TOWER).replace("[0, -400, 10]", "[200, 200, 50]"));
        assertEquals("viewpoints[0].eye", e.path());
        assertFalse(e.getMessage().isEmpty());
    }
}
