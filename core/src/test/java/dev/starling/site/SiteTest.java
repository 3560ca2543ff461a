package dev.starling.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertEquals(15 + 55 + 60 + 45 + 40 + 40, s.towers().size(), "listed towers plus every district's");
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

    @Test
    void flagshipLandmarksReadAsTheRealPlaces() {
        Site s = Site.read(FLAGSHIP);
        List<Tower> raffles = s.towers().stream().filter(t -> t.name().startsWith("Raffles City")).toList();
        assertEquals(6, raffles.stream().filter(t -> t.curved() && Math.abs(t.height() - 250) < 1).count(),
                "six curved towers of about 250 m");
        assertEquals(2, raffles.stream().filter(t -> !t.curved() && Math.abs(t.height() - 350) < 1).count(),
                "two straight 350 m towers");
        Tower crystal = s.towers().stream().filter(t -> t.name().startsWith("The Crystal")).findFirst().orElseThrow();
        assertEquals(Tower.GLASS, crystal.style());
        // the Crystal lies on the roofs of four of them: its floor is their roof, and their roofs
        // (where the curve has taken them) lie under it
        int carried = 0;
        for (Tower t : raffles) {
            Polygon roof = t.footprint().translated(t.leanX(), t.leanY());
            if (Math.abs(t.top() - crystal.base()) < 0.01 && roof.distanceTo(crystal.footprint()) == 0) {
                carried++;
            }
        }
        assertEquals(4, carried, "the Crystal rests on four tower tops");

        River yangtze = s.rivers().get(0), jialing = s.rivers().get(1);
        assertTrue(yangtze.waterRgb() != jialing.waterRgb(), "the two rivers' waters differ in colour");
        List<Tower> hongyadong = s.towers().stream().filter(t -> t.name().startsWith("Hongyadong")).toList();
        assertTrue(hongyadong.size() >= 3);
        for (Tower t : hongyadong) {
            assertEquals(Tower.TERRACES, t.style());
            double cx = 0, cy = 0;
            for (int i = 0; i < t.footprint().size(); i++) {
                cx += t.footprint().x(i) / t.footprint().size();
                cy += t.footprint().y(i) / t.footprint().size();
            }
            assertTrue(jialing.outline().distanceTo(cx, cy) < 30, t.name() + " stands on the Jialing shore");
        }
        Bridge chaotianmen = s.bridges().stream().filter(b -> b.name().startsWith("Chaotianmen")).findFirst().orElseThrow();
        assertTrue(chaotianmen.arch() != null, "Chaotianmen Bridge is an arch bridge");
        assertTrue(s.banks().stream().anyMatch(b -> b.name().startsWith("Chaotianmen Square")));
    }

    @Test
    void aCurvedTowersDistanceIsNeverMoreThanTheTrueOneAndShortByAtMostItsBound() {
        Tower t = new Tower("sail", Polygon.rectangle(0, 0, 40, 40, 0), 0, 240, 0xffffff, 30, -6, Tower.WINDOWS);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double lean = Math.hypot(30, -6);
        for (int trial = 0; trial < 400; trial++) {
            double x = rnd.nextDouble(-120, 150), y = rnd.nextDouble(-120, 120), z = rnd.nextDouble(-20, 280);
            // the true distance, to the surface drawn: the footprint slid by lean·s² at every height
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= 4800; k++) {
                double s = k / 4800.0, zz = t.base() + s * t.height();
                double dh = t.footprint().distanceTo(x - 30 * s * s, y + 6 * s * s);
                best = Math.min(best, Math.hypot(dh, z - zz));
            }
            double d = t.distanceTo(x, y, z);
            assertTrue(d <= best + 0.02, "lower bound at " + x + ", " + y + ", " + z + ": " + d + " vs " + best);
            assertTrue(d >= best - 2 * lean * (Tower.SEGMENTS - 0.25) / (Tower.SEGMENTS * Tower.SEGMENTS) - 0.02,
                    "within the bound at " + x + ", " + y + ", " + z + ": " + d + " vs " + best);
        }
        assertEquals(0.0, t.distanceTo(30, -6, 239), 1e-9, "inside the roof where the curve has taken it");
        assertTrue(t.distanceTo(-10, 0, 239) > 5, "the foot's column is empty at the top");
    }

    @Test
    void aCurvedTowersDistanceEqualsTheMinimumOverEverySectionBitForBit() {
        // distanceTo skips sections by their boxes and by the last measured section's distance less
        // the offset between them; the minimum over all of them, each measured, must come out the
        // same to the last bit, near the tower and far from it; horizontalDistanceBound never exceeds it
        Tower t = new Tower("sail", Polygon.rectangle(10, -5, 36, 28, 12), 5, 240, 0xffffff, -28, 9, Tower.WINDOWS);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double lean = Math.hypot(-28, 9);
        int n = Tower.SEGMENTS;
        for (int trial = 0; trial < 20_000; trial++) {
            double r = trial % 2 == 0 ? 150 : 500;
            double x = rnd.nextDouble(-r, r), y = rnd.nextDouble(-r, r), z = rnd.nextDouble(-30, 300);
            double all = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double s = (k + 0.5) / n, grow = lean * (k + 0.75) / ((double) n * n);
                double dh = t.footprint().distanceTo(x + 28 * s * s, y - 9 * s * s);
                double dv = Math.max(0, Math.max(t.sectionZ(k) - z, z - t.sectionZ(k + 1)));
                all = Math.min(all, Math.max(0, Math.sqrt(dh * dh + dv * dv) - grow));
            }
            assertEquals(all, t.distanceTo(x, y, z), 0, "at " + x + ", " + y + ", " + z);
            assertTrue(t.horizontalDistanceBound(x, y) <= all, "horizontal bound at " + x + ", " + y);
        }
    }

    @Test
    void anArchIsMeasuredAsTheRibsTheRendererDraws() {
        Bridge b = new Bridge("arch", new double[][] {{0, -500}, {0, 500}}, 40, 30, 4, List.of(), 0xffb060,
                new Bridge.Arch(0.2, 0.8, 100));
        double[] crown = new double[3];
        b.archPoint(1, Bridge.ARCH_SECTIONS / 2, crown);
        assertEquals(140, crown[2], 1e-9, "the crown stands rise above the road");
        assertEquals(0, crown[1], 1e-9, "in the middle of the span");
        assertEquals(15, Math.abs(crown[0]), 1e-9, "over the deck edge");
        assertEquals(0, b.distanceTo(crown[0], crown[1], crown[2]), 1e-9);
        assertEquals(10 - Bridge.ARCH_RIB / 2, b.distanceTo(crown[0], crown[1], crown[2] + 10), 0.05);
        assertEquals(b.distanceTo(0, 0, 141), Math.hypot(15, 1) - Bridge.ARCH_RIB / 2, 0.05,
                "between the ribs under the crown");
    }

    @Test
    void aTowerStyleOrLeanOrArchThatMakesNoSenseIsRefusedWithItsPath() {
        InputException e = refuse(MINIMAL.formatted(TOWER.replace("}", ", \"style\": \"neon\"}")));
        assertEquals("towers[0].style", e.path());
        assertTrue(e.hint().contains("glass"), e.describe());
        e = refuse(MINIMAL.formatted(TOWER.replace("}", ", \"lean\": [150, 0]}")));
        assertEquals("towers[0].lean", e.path());
        e = refuse(MINIMAL.formatted(TOWER).replace("\"lights\": \"#ffc070\"",
                "\"lights\": \"#ffc070\", \"arch\": {\"span\": [0.8, 0.2], \"rise\": 50}"));
        assertEquals("bridges[0].arch.span", e.path());
    }

    @Test
    void theFlagshipLiesOnTheChaotianmenRiverfrontAndABadAnchorIsRefusedWithItsPath() {
        Anchor a = Site.read(FLAGSHIP).anchor();
        assertEquals(29.564, a.latitude(), 0.01, "Chongqing");
        assertEquals(106.59, a.longitude(), 0.01);
        String json = MINIMAL.formatted(TOWER).replace("\"format\": \"starling-site/1\",",
                "\"format\": \"starling-site/1\", \"anchor\": {\"latitude\": 129.5, \"longitude\": 106.6, "
                        + "\"altitude\": 175, \"bearing\": 70},");
        assertTrue(json.contains("129.5"), "the test site gained the anchor");
        assertEquals("anchor.latitude", refuse(json).path());
        assertEquals("anchor.bearing", refuse(json.replace("129.5", "29.5").replace("\"bearing\": 70", "\"bearing\": 370")).path());
        assertEquals("anchor.altitude", refuse(json.replace("129.5", "29.5").replace(", \"altitude\": 175", "")).path());
        assertNull(parse(MINIMAL.formatted(TOWER)).anchor(), "a site need not say where it is");
    }
}
