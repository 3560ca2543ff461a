package dev.starling.site;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.base.JsonPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Reads {@code starling-site/1} files: Jackson binds the JSON to the file records below, then
 * {@link #toSite} validates every value and builds the domain records, reporting defects as
 * {@link InputException}s with the JSON path and a fix. Districts are expanded into towers here,
 * deterministically (seeded), so every reader of one file sees the same towers.
 */
final class SiteReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Tries per wanted tower before a district is declared too small. */
    private static final int ATTEMPTS_PER_TOWER = 400;
    private static final double DEFAULT_DISTRICT_GAP = 10;
    private static final double DEFAULT_BRIDGE_THICKNESS = 4;

    private SiteReader() {
    }

    // ---- the file as written (boxed values: null means absent) ----

    record SiteFile(String format, String name, String description, AnchorFile anchor, Double waterLevel, BoxFile showBox,
                    List<RiverFile> rivers, List<BankFile> banks, List<TowerFile> towers,
                    List<DistrictFile> districts, List<BridgeFile> bridges, List<ViewpointFile> viewpoints) {
    }

    record BoxFile(double[] min, double[] max) {
    }

    record AnchorFile(Double latitude, Double longitude, Double altitude, Double bearing) {
    }

    record RiverFile(String name, double[][] polygon, String color) {
    }

    record BankFile(String name, Double elevation, double[][] polygon, String shoreLights) {
    }

    record TowerFile(String name, double[][] footprint, double[] center, double[] size, Double angle,
                     Double base, Double height, String windows, double[] lean, String style) {
    }

    record DistrictFile(String name, double[][] polygon, Double base, Integer count, double[] height,
                        double[] size, Double angle, Double gap, Long seed, List<String> windows) {
    }

    record BridgeFile(String name, double[][] deck, Double deckHeight, Double width, Double thickness,
                      double[][] pylons, String lights, ArchFile arch) {
    }

    record ArchFile(double[] span, Double rise) {
    }

    record ViewpointFile(String name, String description, double[] eye, double[] target, Double fov) {
    }

    // ---- reading ----

    static Site read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found", "check the path; the flagship's site is shows/chongqing/site.json");
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(), null);
        }
    }

    static Site read(InputStream in, String name) {
        SiteFile f;
        try {
            f = MAPPER.readValue(in, SiteFile.class);
        } catch (JsonMappingException e) {
            var loc = e.getLocation();
            throw new InputException(name, jsonPath(e), loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), firstLine(e.getOriginalMessage()),
                    "see the field list in dev.starling.site.SiteReader / shows/chongqing/site.json for an example");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputException(name, null, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "malformed JSON: " + firstLine(e.getOriginalMessage()),
                    "fix the JSON syntax at that line");
        } catch (IOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(), null);
        }
        if (f == null) {
            throw new InputException(name, "the file is empty", "a site file is a JSON object with \"format\": \"" + Site.FORMAT + "\"");
        }
        try {
            return toSite(f);
        } catch (InputException e) {
            throw e.inFile(name);
        }
    }

    /** The JSON path of a binding error, or null at the document's root. */
    private static String jsonPath(JsonMappingException e) {
        String path = JsonPaths.of(e);
        return path.isEmpty() ? null : path;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---- validation ----

    static Site toSite(SiteFile f) {
        if (f.format() == null) {
            throw new InputException(null, "format", "missing \"format\"", "a site file starts with \"format\": \"" + Site.FORMAT + "\"");
        }
        if (!Site.FORMAT.equals(f.format())) {
            throw new InputException(null, "format", "unsupported format \"" + f.format() + "\"", "this Starling reads " + Site.FORMAT);
        }
        String name = f.name() == null ? "" : f.name();
        double water = finite(required(f.waterLevel(), "waterLevel", "the z of the river surface in metres, e.g. -2"), "waterLevel");
        ShowBox box = showBox(f.showBox());

        List<River> rivers = new ArrayList<>();
        Names riverNames = new Names("rivers");
        for (int i = 0; i < size(f.rivers()); i++) {
            RiverFile r = f.rivers().get(i);
            String p = "rivers[" + i + "]";
            rivers.add(new River(riverNames.take(r.name(), p), polygon(r.polygon(), p + ".polygon"),
                    r.color() == null ? River.DEFAULT_RGB : color(r.color(), p + ".color")));
        }
        if (rivers.isEmpty()) {
            throw new InputException(null, "rivers", "a site needs at least one river", "add {\"name\": ..., \"polygon\": [[x, y], ...]}");
        }

        List<Bank> banks = new ArrayList<>();
        Names bankNames = new Names("banks");
        for (int i = 0; i < size(f.banks()); i++) {
            BankFile b = f.banks().get(i);
            String p = "banks[" + i + "]";
            double elevation = finite(required(b.elevation(), p + ".elevation", "z of the land's surface in metres"), p + ".elevation");
            if (!(elevation > water)) {
                throw new InputException(null, p + ".elevation", "the bank's elevation " + elevation
                        + " is not above the water level " + water, "land stands above the river: raise it");
            }
            banks.add(new Bank(bankNames.take(b.name(), p), polygon(b.polygon(), p + ".polygon"), elevation,
                    b.shoreLights() == null ? 0 : color(b.shoreLights(), p + ".shoreLights")));
        }

        List<Tower> towers = new ArrayList<>();
        Names towerNames = new Names("towers");
        for (int i = 0; i < size(f.towers()); i++) {
            TowerFile t = f.towers().get(i);
            String p = "towers[" + i + "]";
            String tn = towerNames.take(t.name(), p);
            Polygon fp = footprint(t, p);
            double height = positive(required(t.height(), p + ".height", "metres above its base"), p + ".height");
            double base = t.base() != null ? finite(t.base(), p + ".base") : groundUnder(fp, banks, water);
            int rgb = color(required(t.windows(), p + ".windows", "the colour of lit windows, e.g. \"#ffd49a\""), p + ".windows");
            double[] lean = t.lean() == null ? new double[2] : vec(t.lean(), 2, p + ".lean");
            if (Math.hypot(lean[0], lean[1]) > height) {
                throw new InputException(null, p + ".lean", "the roof leans " + Math.hypot(lean[0], lean[1])
                        + " m off its foot, more than the tower's height " + height + " m",
                        "lean is the roof's [dx, dy] offset in metres, e.g. [20, 0] for a sail-like curve");
            }
            String style = t.style() == null ? Tower.WINDOWS : t.style();
            if (!Tower.STYLES.contains(style)) {
                throw new InputException(null, p + ".style", "unknown tower style \"" + style + "\"",
                        "use one of " + String.join(", ", Tower.STYLES) + " (or leave it out for windows)");
            }
            Tower tower = new Tower(tn, fp, base, height, rgb, lean[0], lean[1], style);
            for (int k = 0; k < tower.sections(); k++) {
                // a section slides from one offset to the next: both ends stay out of the box
                for (int end = k; end <= k + 1; end++) {
                    requireOutsideBox(box, fp.translated(tower.offsetX(end), tower.offsetY(end)), tower.sectionZ(k),
                            tower.sectionZ(k + 1), p);
                }
            }
            towers.add(tower);
        }
        for (int i = 0; i < size(f.districts()); i++) {
            generateDistrict(f.districts().get(i), "districts[" + i + "]", banks, water, box, towers, towerNames);
        }
        if (towers.isEmpty()) {
            throw new InputException(null, "towers", "a site needs towers or districts", "add at least one tower");
        }

        List<Bridge> bridges = new ArrayList<>();
        Names bridgeNames = new Names("bridges");
        for (int i = 0; i < size(f.bridges()); i++) {
            bridges.add(bridge(f.bridges().get(i), "bridges[" + i + "]", water, box, bridgeNames));
        }

        List<Viewpoint> viewpoints = new ArrayList<>();
        Names viewNames = new Names("viewpoints");
        for (int i = 0; i < size(f.viewpoints()); i++) {
            ViewpointFile v = f.viewpoints().get(i);
            String p = "viewpoints[" + i + "]";
            String vn = viewNames.take(v.name(), p);
            double[] eye = vec(v.eye(), 3, p + ".eye");
            double[] target = vec(v.target(), 3, p + ".target");
            double fov = finite(required(v.fov(), p + ".fov", "vertical field of view in degrees, e.g. 45"), p + ".fov");
            if (!(fov > 1 && fov < 170)) {
                throw new InputException(null, p + ".fov", "field of view " + fov + " is outside 1..170 degrees", "use e.g. 45");
            }
            if (eye[0] == target[0] && eye[1] == target[1] && eye[2] == target[2]) {
                throw new InputException(null, p + ".target", "the target is the eye point", "look at the show box centre");
            }
            for (Tower t : towers) {
                if (t.distanceTo(eye[0], eye[1], eye[2]) == 0) {
                    throw new InputException(null, p + ".eye", "the eye stands inside tower '" + t.name() + "'",
                            "move the viewpoint or the tower");
                }
            }
            viewpoints.add(new Viewpoint(vn, v.description() == null ? "" : v.description(),
                    eye[0], eye[1], eye[2], target[0], target[1], target[2], fov));
        }
        return new Site(name, f.description() == null ? "" : f.description(), water, box, rivers, banks,
                towers, bridges, viewpoints, anchor(f.anchor()));
    }

    private static Anchor anchor(AnchorFile a) {
        if (a == null) {
            return null;
        }
        double lat = finite(required(a.latitude(), "anchor.latitude", "degrees north, e.g. 29.5641"), "anchor.latitude");
        double lon = finite(required(a.longitude(), "anchor.longitude", "degrees east, e.g. 106.5905"), "anchor.longitude");
        double alt = finite(required(a.altitude(), "anchor.altitude",
                "metres above sea level of the takeoff deck, e.g. 175"), "anchor.altitude");
        double bearing = finite(required(a.bearing(), "anchor.bearing",
                "degrees clockwise from north of the show's +x axis, e.g. 70"), "anchor.bearing");
        if (!(lat >= -90 && lat <= 90)) {
            throw new InputException(null, "anchor.latitude", "latitude " + lat + " is outside -90..90 degrees",
                    "give degrees north (south negative), e.g. 29.5641 for Chongqing");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new InputException(null, "anchor.longitude", "longitude " + lon + " is outside -180..180 degrees",
                    "give degrees east (west negative), e.g. 106.5905 for Chongqing");
        }
        if (!(alt >= -500 && alt <= 9000)) {
            throw new InputException(null, "anchor.altitude", "altitude " + alt + " m is not on Earth's surface",
                    "metres above mean sea level, e.g. 175");
        }
        if (!(bearing >= 0 && bearing < 360)) {
            throw new InputException(null, "anchor.bearing", "bearing " + bearing + " is outside 0..360 degrees",
                    "degrees clockwise from north: 90 when +x points east");
        }
        return new Anchor(lat, lon, alt, bearing);
    }

    private static ShowBox showBox(BoxFile b) {
        if (b == null) {
            throw new InputException(null, "showBox", "missing \"showBox\"",
                    "give the box drones fly in: {\"min\": [x, y, z], \"max\": [x, y, z]}");
        }
        double[] min = vec(b.min(), 3, "showBox.min");
        double[] max = vec(b.max(), 3, "showBox.max");
        for (int a = 0; a < 3; a++) {
            if (!(min[a] < max[a])) {
                throw new InputException(null, "showBox", "min " + "xyz".charAt(a) + " " + min[a]
                        + " is not below max " + max[a], "swap or correct the two corners");
            }
        }
        return new ShowBox(min[0], min[1], min[2], max[0], max[1], max[2]);
    }

    private static Polygon footprint(TowerFile t, String p) {
        if (t.footprint() != null && t.center() != null) {
            throw new InputException(null, p, "both \"footprint\" and \"center\" are given",
                    "give either a footprint polygon or center + size (+ angle)");
        }
        if (t.footprint() != null) {
            return polygon(t.footprint(), p + ".footprint");
        }
        if (t.center() == null) {
            throw new InputException(null, p, "a tower needs \"footprint\" or \"center\" + \"size\"",
                    "e.g. \"center\": [x, y], \"size\": [width, depth], \"angle\": 0");
        }
        double[] c = vec(t.center(), 2, p + ".center");
        double[] s = vec(required(t.size(), p + ".size", "[width, depth] in metres"), 2, p + ".size");
        if (!(s[0] > 0 && s[1] > 0)) {
            throw new InputException(null, p + ".size", "width and depth must be positive", null);
        }
        double angle = t.angle() == null ? 0 : finite(t.angle(), p + ".angle");
        return Polygon.rectangle(c[0], c[1], s[0], s[1], angle);
    }

    private static void generateDistrict(DistrictFile d, String p, List<Bank> banks, double water, ShowBox box,
                                         List<Tower> towers, Names names) {
        String dn = required(d.name(), p + ".name", "a district needs a name");
        Polygon area = polygon(d.polygon(), p + ".polygon");
        int count = required(d.count(), p + ".count", "how many towers to place");
        if (count < 1 || count > 2000) {
            throw new InputException(null, p + ".count", "count " + count + " is outside 1..2000", null);
        }
        double[] h = range(required(d.height(), p + ".height", "[min, max] metres"), p + ".height");
        double[] s = range(required(d.size(), p + ".size", "[min, max] footprint side in metres"), p + ".size");
        double angle = d.angle() == null ? 0 : finite(d.angle(), p + ".angle");
        double gap = d.gap() == null ? DEFAULT_DISTRICT_GAP : positive(d.gap(), p + ".gap");
        long seed = required(d.seed(), p + ".seed", "any integer; change it for another arrangement");
        List<String> ws = d.windows();
        if (ws == null || ws.isEmpty()) {
            throw new InputException(null, p + ".windows", "a district needs at least one window colour",
                    "e.g. [\"#ffd49a\", \"#cfe3ff\"]");
        }
        int[] colors = new int[ws.size()];
        for (int k = 0; k < colors.length; k++) {
            colors[k] = color(ws.get(k), p + ".windows[" + k + "]");
        }
        double[] bb = new double[4];
        area.bounds(bb);
        SplittableRandom rnd = new SplittableRandom(seed);
        int placed = 0;
        for (int attempt = 0; attempt < ATTEMPTS_PER_TOWER * count && placed < count; attempt++) {
            double cx = bb[0] + rnd.nextDouble() * (bb[1] - bb[0]);
            double cy = bb[2] + rnd.nextDouble() * (bb[3] - bb[2]);
            double w = s[0] + rnd.nextDouble() * (s[1] - s[0]);
            double dep = s[0] + rnd.nextDouble() * (s[1] - s[0]);
            double u = rnd.nextDouble();
            double height = h[0] + (h[1] - h[0]) * u * u; // many mid-rise, few tall: a skyline, not a wall
            int rgb = colors[rnd.nextInt(colors.length)];
            Polygon fp = Polygon.rectangle(cx, cy, w, dep, angle);
            if (!area.encloses(fp) || clashes(fp, towers, gap)) {
                continue;
            }
            double base = d.base() != null ? finite(d.base(), p + ".base") : groundUnder(fp, banks, water);
            if (overlapsBox(box, fp, base, base + height)) {
                continue;
            }
            placed++;
            towers.add(new Tower(names.take(dn + " #" + placed, p), fp, base, height, rgb));
        }
        if (placed < count) {
            throw new InputException(null, p, "district '" + dn + "' fits only " + placed + " of " + count
                    + " towers of " + s[0] + ".." + s[1] + " m with " + gap + " m between them",
                    "lower \"count\", shrink \"size\" or \"gap\", or enlarge the polygon");
        }
    }

    private static boolean clashes(Polygon fp, List<Tower> towers, double gap) {
        for (Tower t : towers) {
            if (t.footprint().distanceTo(fp) < gap
                    || t.curved() && t.footprint().translated(t.leanX(), t.leanY()).distanceTo(fp) < gap) {
                return true;
            }
        }
        return false;
    }

    private static Bridge bridge(BridgeFile b, String p, double water, ShowBox box, Names names) {
        String bn = names.take(b.name(), p);
        double[][] deck = b.deck();
        if (deck == null || deck.length < 2) {
            throw new InputException(null, p + ".deck", "a bridge deck needs at least 2 [x, y] points", "list it shore to shore");
        }
        for (int k = 0; k < deck.length; k++) {
            vec(deck[k], 2, p + ".deck[" + k + "]");
        }
        double deckHeight = finite(required(b.deckHeight(), p + ".deckHeight", "z of the road surface in metres"), p + ".deckHeight");
        if (!(deckHeight > water)) {
            throw new InputException(null, p + ".deckHeight", "the deck at " + deckHeight + " is under the water at " + water, null);
        }
        double width = positive(required(b.width(), p + ".width", "deck width in metres"), p + ".width");
        double thickness = b.thickness() == null ? DEFAULT_BRIDGE_THICKNESS : positive(b.thickness(), p + ".thickness");
        List<Pylon> pylons = new ArrayList<>();
        if (b.pylons() != null) {
            for (int k = 0; k < b.pylons().length; k++) {
                String pp = p + ".pylons[" + k + "]";
                double[] v = vec(b.pylons()[k], 3, pp);
                if (!(v[2] > deckHeight)) {
                    throw new InputException(null, pp, "the pylon top " + v[2] + " is not above the deck " + deckHeight,
                            "a pylon is [x, y, z of its top]");
                }
                pylons.add(new Pylon(v[0], v[1], water, v[2]));
            }
        }
        int rgb = color(required(b.lights(), p + ".lights", "colour of the deck and cable lights, e.g. \"#ffc070\""), p + ".lights");
        Bridge.Arch arch = null;
        if (b.arch() != null) {
            double[] span = vec(required(b.arch().span(), p + ".arch.span",
                    "[from, to]: where the arch's feet stand, as fractions of the deck's length, e.g. [0.2, 0.75]"), 2,
                    p + ".arch.span");
            if (!(span[0] >= 0 && span[0] < span[1] && span[1] <= 1)) {
                throw new InputException(null, p + ".arch.span", "the arch's feet [" + span[0] + ", " + span[1]
                        + "] are not two fractions of the deck's length in order", "e.g. [0.2, 0.75]: 0 is the first deck point, 1 the last");
            }
            double rise = positive(required(b.arch().rise(), p + ".arch.rise", "metres from the road up to the crown"),
                    p + ".arch.rise");
            arch = new Bridge.Arch(span[0], span[1], rise);
        }
        Bridge bridge = new Bridge(bn, deck, deckHeight, width, thickness, pylons, rgb, arch);
        Polygon boxRect = boxRectangle(box);
        for (int k = 0; k + 1 < deck.length; k++) {
            boolean zOverlap = deckHeight >= box.minZ() && deckHeight - thickness <= box.maxZ();
            if (zOverlap && boxRect.distanceToSegment(deck[k][0], deck[k][1], deck[k + 1][0], deck[k + 1][1]) <= width / 2) {
                throw new InputException(null, p + ".deck", "the deck of '" + bn + "' passes through the show box",
                        "move the show box or correct the deck coordinates");
            }
        }
        for (Pylon py : pylons) {
            if (boxRect.contains(py.x(), py.y()) && py.top() >= box.minZ()) {
                throw new InputException(null, p + ".pylons", "a pylon of '" + bn + "' stands inside the show box", null);
            }
        }
        if (arch != null) {
            double[] q = new double[3];
            for (int side = -1; side <= 1; side += 2) {
                for (int k = 0; k <= Bridge.ARCH_SECTIONS; k++) {
                    bridge.archPoint(side, k, q);
                    if (box.contains(q[0], q[1], q[2])) {
                        throw new InputException(null, p + ".arch", "the arch of '" + bn + "' reaches into the show box",
                                "lower its rise or move the show box");
                    }
                }
            }
        }
        return bridge;
    }

    /** Elevation of the highest bank under the footprint's first vertex and centroid, else the water. */
    private static double groundUnder(Polygon fp, List<Bank> banks, double water) {
        double cx = 0, cy = 0;
        for (int i = 0; i < fp.size(); i++) {
            cx += fp.x(i);
            cy += fp.y(i);
        }
        cx /= fp.size();
        cy /= fp.size();
        double z = water;
        for (Bank b : banks) {
            if (b.outline().contains(cx, cy)) {
                z = Math.max(z, b.elevation());
            }
        }
        return z;
    }

    private static void requireOutsideBox(ShowBox box, Polygon fp, double base, double top, String p) {
        if (overlapsBox(box, fp, base, top)) {
            throw new InputException(null, p, "the tower reaches into the show box",
                    "structures stand outside the box drones fly in: move the tower or shrink the box");
        }
    }

    private static boolean overlapsBox(ShowBox box, Polygon fp, double base, double top) {
        return top >= box.minZ() && base <= box.maxZ() && fp.distanceTo(boxRectangle(box)) == 0;
    }

    private static Polygon boxRectangle(ShowBox box) {
        return Polygon.of(new double[] {box.minX(), box.maxX(), box.maxX(), box.minX()},
                new double[] {box.minY(), box.minY(), box.maxY(), box.maxY()});
    }

    // ---- value helpers ----

    private static <T> T required(T v, String path, String hint) {
        if (v == null) {
            throw new InputException(null, path, "missing", hint);
        }
        return v;
    }

    private static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }

    private static double finite(double v, String path) {
        if (!Double.isFinite(v)) {
            throw new InputException(null, path, "expected a finite number, was " + v, null);
        }
        return v;
    }

    private static double positive(double v, String path) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InputException(null, path, "expected a positive number of metres, was " + v, null);
        }
        return v;
    }

    private static double[] vec(double[] v, int n, String path) {
        if (v == null) {
            throw new InputException(null, path, "missing", "expected " + n + " numbers");
        }
        if (v.length != n) {
            throw new InputException(null, path, "expected " + n + " numbers, got " + v.length,
                    n == 2 ? "write [x, y]" : "write [x, y, z]");
        }
        for (int i = 0; i < n; i++) {
            finite(v[i], path + "[" + i + "]");
        }
        return v;
    }

    private static double[] range(double[] v, String path) {
        vec(v, 2, path);
        if (!(v[0] > 0 && v[0] <= v[1])) {
            throw new InputException(null, path, "expected [min, max] with 0 < min <= max, got [" + v[0] + ", " + v[1] + "]", null);
        }
        return v;
    }

    private static Polygon polygon(double[][] pts, String path) {
        if (pts == null) {
            throw new InputException(null, path, "missing", "a polygon is [[x, y], [x, y], [x, y], ...]");
        }
        try {
            return Polygon.of(pts);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, path, e.getMessage(), "list at least 3 distinct [x, y] vertices around the outline, without crossings");
        }
    }

    /** Parses {@code "#RRGGBB"}. */
    static int color(String s, String path) {
        if (s != null && s.length() == 7 && s.charAt(0) == '#') {
            try {
                return Integer.parseInt(s.substring(1), 16);
            } catch (NumberFormatException ignored) {
                // reported below with the hint
            }
        }
        throw new InputException(null, path, "\"" + s + "\" is not a colour", "write colours as \"#RRGGBB\", e.g. \"#ffd49a\"");
    }

    /** Names must be present and unique within their list. */
    private static final class Names {
        private final String list;
        private final Set<String> seen = new HashSet<>();

        Names(String list) {
            this.list = list;
        }

        String take(String name, String path) {
            if (name == null || name.isBlank()) {
                throw new InputException(null, path + ".name", "missing", "every entry of \"" + list + "\" needs a name");
            }
            if (!seen.add(name)) {
                throw new InputException(null, path + ".name", "the name '" + name + "' is used twice in \"" + list + "\"",
                        "give each a distinct name");
            }
            return name;
        }
    }
}
