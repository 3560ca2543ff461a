package dev.starling.formation;

import dev.starling.InputException;
import java.awt.BasicStroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * SVG formations. Draws {@code path} (all commands), {@code polygon}, {@code polyline},
 * {@code rect} (with rx/ry), {@code circle}, {@code ellipse} and {@code line}, inside {@code g}
 * and nested {@code svg}, with {@code transform} (matrix, translate, scale, rotate, skewX, skewY)
 * on any element and the presentation attributes {@code fill}, {@code stroke},
 * {@code stroke-width}, {@code fill-rule}, {@code display}, {@code visibility} and the opacities
 * (as attributes or in {@code style}), inherited down the tree.
 *
 * <p>Fill mode paints the drawing as a viewer would (fills, then strokes at their width, later
 * elements over earlier ones): the painted area is the region, painted colours the drone colours.
 * Stroke mode puts the points along every element's outline, coloured by its stroke (else fill).
 * A fill given nowhere means the scene's colour (where SVG would paint black, invisible in the
 * sky); gradients and patterns ({@code url(...)}) also take the scene's colour, or their fallback
 * colour when one is given. Not drawn: {@code text}, {@code use}, {@code image}, CSS in
 * {@code <style>}, and anything inside {@code defs}, {@code clipPath}, {@code mask},
 * {@code symbol}, {@code pattern}, {@code marker}.
 *
 * <p>The drawing's painted extent (not its viewBox) is scaled to {@code width} or {@code height}
 * metres (both: it fits inside both) and centred. The XML is parsed with DTDs refused and no
 * external entity or DTD ever fetched: SVG files are untrusted input.
 */
final class SvgSource {
    /** Largest SVG file read, bytes. */
    static final long MAX_BYTES = 32L << 20;
    /** Deepest element nesting followed (real drawings stay far below; hostile ones would overflow the stack). */
    static final int MAX_DEPTH = 200;
    /**
     * Most path segments drawn (after stroking): filling a drawing costs Java2D time in its
     * segments times its scanlines, and a 600 kB polyline zigzagging over itself (50,000 points,
     * 300,000 stroked segments) took minutes; 50,000 segments take at most ~7 s, any real
     * drawing far less.
     */
    static final int MAX_SEGMENTS = 50_000;
    private static final Set<String> NOT_RENDERED = Set.of("defs", "clipPath", "mask", "symbol", "pattern", "marker",
            "linearGradient", "radialGradient", "style", "script", "title", "desc", "metadata", "filter", "font",
            "foreignObject");
    private static final Set<String> UNSUPPORTED = Set.of("text", "use", "image", "textPath", "tspan");
    private static final Map<String, Integer> NAMED = namedColors();

    /** Paint: NONE, DEFAULT_PAINT (the scene colour) or 0xRRGGBB. */
    /** Between the numbers of an SVG number list: white space and/or commas, or before a minus right after a digit or point. */
    private static final Pattern NUMBER_SEPARATOR = Pattern.compile("[\\s,]+|(?<=[0-9.])(?=-)");
    private static final int NONE = -2;
    private static final int DEFAULT_PAINT = -1;

    private final String name;
    private final boolean stroke;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> skipped = new HashMap<>();

    /** One element's geometry in SVG user space after its transforms, with its paints. */
    private record Item(java.awt.Shape geometry, int fill, int stroke, double strokeWidthUser, AffineTransform ctm) {
    }

    /** Inherited presentation state. */
    private record Style(int fill, int stroke, double strokeWidth, int windingRule, double opacity, double fillOpacity,
                         double strokeOpacity, boolean visible) {
    }

    private SvgSource(String name, boolean stroke) {
        this.name = name;
        this.stroke = stroke;
    }

    static Shape shape(String fileField, Double width, Double height, String mode, Path baseDir) {
        Path file = Fields.file(fileField, baseDir, "svg");
        if (width == null && height == null) {
            throw new InputException(null, "width", "an svg formation needs width or height (metres)",
                    "add \"width\": 80 or \"height\": 40; the drawing keeps its aspect ratio");
        }
        boolean strokeMode = Modes.stroke(mode);
        Double w = width == null ? null : Fields.positive(width, "width", "80");
        Double h = height == null ? null : Fields.positive(height, "height", "40");
        SvgSource svg = new SvgSource(file.getFileName().toString(), strokeMode);
        svg.walk(parse(file));
        return svg.build(w, h);
    }

    static Document parse(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(null, "file", name + " is larger than " + (MAX_BYTES >> 20) + " MB",
                        "simplify the drawing");
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop a well-formed document
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            try (InputStream in = Files.newInputStream(file)) {
                return b.parse(in, file.toUri().toString());
            }
        } catch (SAXParseException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            throw new InputException(null, "file", name + " line " + e.getLineNumber() + ": "
                    + (doctype ? "the file declares a DTD (<!DOCTYPE ...>), which Starling refuses for safety" : e.getMessage()),
                    doctype ? "delete the <!DOCTYPE ...> declaration: SVG needs no DTD" : "fix the XML: the file must be well-formed SVG");
        } catch (SAXException | IOException e) {
            throw new InputException(null, "file", "cannot read " + name + ": " + e.getMessage(), "check the SVG file");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    // ---------------------------------------------------------------- tree walk

    private void walk(Document doc) {
        Element root = doc.getDocumentElement();
        if (!local(root).equals("svg")) {
            throw new InputException(null, "file", name + " is not an SVG drawing (its root element is <" + local(root) + ">)",
                    "use a file whose root element is <svg>");
        }
        Style initial = new Style(DEFAULT_PAINT, NONE, 1, Path2D.WIND_NON_ZERO, 1, 1, 1, true);
        element(root, initial, new AffineTransform(), 0);
    }

    private static String local(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }

    private void element(Element e, Style parent, AffineTransform parentCtm, int depth) {
        String tag = local(e);
        if (depth > MAX_DEPTH) {
            throw new InputException(null, "file", name + " nests elements more than " + MAX_DEPTH + " levels deep",
                    "flatten the groups of the drawing (Inkscape: Edit > Select All, Object > Ungroup)");
        }
        if (NOT_RENDERED.contains(tag)) {
            return;
        }
        if (UNSUPPORTED.contains(tag)) {
            skipped.merge(tag, 1, Integer::sum);
            return;
        }
        Map<String, String> attrs = presentation(e);
        if ("none".equals(attrs.get("display"))) {
            return;
        }
        Style st = style(attrs, parent, tag);
        AffineTransform ctm = new AffineTransform(parentCtm);
        String tf = e.getAttribute("transform");
        if (!tf.isBlank()) {
            ctm.concatenate(transform(tf, tag));
        }
        if (tag.equals("svg") && e.getParentNode() instanceof Element) {
            ctm.translate(length(e, "x", 0), length(e, "y", 0)); // nested viewport: its offset only
        }
        java.awt.Shape geometry = geometry(e, tag, st);
        if (geometry != null && st.visible()) {
            int fill = st.opacity() * st.fillOpacity() > 0 ? st.fill() : NONE;
            int strokePaint = st.opacity() * st.strokeOpacity() > 0 ? st.stroke() : NONE;
            items.add(new Item(geometry, fill, strokePaint, st.strokeWidth(), ctm));
        }
        if (tag.equals("svg") || tag.equals("g") || tag.equals("a") || tag.equals("switch")) {
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    element(child, st, ctm, depth + 1);
                }
            }
        }
    }

    /** Presentation attributes, with {@code style} declarations overriding attributes. */
    private static Map<String, String> presentation(Element e) {
        Map<String, String> m = new HashMap<>();
        for (String a : new String[] {"fill", "stroke", "stroke-width", "fill-rule", "display", "visibility",
            "opacity", "fill-opacity", "stroke-opacity"}) {
            if (e.hasAttribute(a)) {
                m.put(a, e.getAttribute(a).strip());
            }
        }
        String style = e.getAttribute("style");
        for (String decl : style.split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0) {
                String k = decl.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String v = decl.substring(colon + 1).replace("!important", "").strip();
                m.put(k, v);
            }
        }
        return m;
    }

    private Style style(Map<String, String> a, Style p, String tag) {
        int fill = paint(a.get("fill"), p.fill(), "fill", tag);
        int strokePaint = paint(a.get("stroke"), p.stroke(), "stroke", tag);
        double sw = p.strokeWidth();
        String swText = a.get("stroke-width");
        if (swText != null && !swText.equals("inherit")) {
            sw = lengthValue(swText, "stroke-width", tag);
        }
        int rule = p.windingRule();
        String fr = a.get("fill-rule");
        if ("evenodd".equals(fr)) {
            rule = Path2D.WIND_EVEN_ODD;
        } else if ("nonzero".equals(fr)) {
            rule = Path2D.WIND_NON_ZERO;
        }
        double opacity = opacity(a.get("opacity"), 1, tag); // not inherited, but multiplies down the tree
        double fo = opacity(a.get("fill-opacity"), p.fillOpacity(), tag);
        double so = opacity(a.get("stroke-opacity"), p.strokeOpacity(), tag);
        boolean visible = p.visible();
        String vis = a.get("visibility");
        if ("hidden".equals(vis) || "collapse".equals(vis)) {
            visible = false;
        } else if ("visible".equals(vis)) {
            visible = true;
        }
        return new Style(fill, strokePaint, sw, rule, p.opacity() * opacity, fo, so, visible);
    }

    private double opacity(String v, double inherited, String tag) {
        if (v == null || v.equals("inherit")) {
            return inherited;
        }
        try {
            double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
            return Math.max(0, Math.min(1, d));
        } catch (NumberFormatException e) {
            throw new InputException(null, "file", name + ": <" + tag + "> opacity '" + v + "' is not a number",
                    "use a number from 0 to 1");
        }
    }

    /** The element's geometry in its user space, or null when it draws nothing. */
    private java.awt.Shape geometry(Element e, String tag, Style st) {
        switch (tag) {
            case "path": {
                try {
                    Path2D.Double p = SvgPathParser.parse(e.getAttribute("d"));
                    p.setWindingRule(st.windingRule());
                    return p;
                } catch (SvgPathParser.SyntaxError ex) {
                    throw new InputException(null, "file", name + ": <path" + idOf(e) + "> d: " + ex.getMessage(),
                            "fix the path data (SVG path syntax)");
                }
            }
            case "rect": {
                double w = length(e, "width", 0), h = length(e, "height", 0);
                if (w <= 0 || h <= 0) {
                    return null;
                }
                double x = length(e, "x", 0), y = length(e, "y", 0);
                double rx = e.hasAttribute("rx") ? length(e, "rx", 0) : -1;
                double ry = e.hasAttribute("ry") ? length(e, "ry", 0) : -1;
                if (rx < 0) {
                    rx = ry;
                }
                if (ry < 0) {
                    ry = rx;
                }
                if (rx > 0 && ry > 0) {
                    return new RoundRectangle2D.Double(x, y, w, h, 2 * Math.min(rx, w / 2), 2 * Math.min(ry, h / 2));
                }
                return new Rectangle2D.Double(x, y, w, h);
            }
            case "circle": {
                double r = length(e, "r", 0);
                if (r <= 0) {
                    return null;
                }
                double cx = length(e, "cx", 0), cy = length(e, "cy", 0);
                return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            }
            case "ellipse": {
                double rx = length(e, "rx", 0), ry = length(e, "ry", 0);
                if (rx <= 0 || ry <= 0) {
                    return null;
                }
                double cx = length(e, "cx", 0), cy = length(e, "cy", 0);
                return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
            }
            case "line":
                return new Line2D.Double(length(e, "x1", 0), length(e, "y1", 0), length(e, "x2", 0), length(e, "y2", 0));
            case "polyline":
            case "polygon": {
                double[] pts = numbers(e.getAttribute("points"), tag, "points");
                if (pts.length < 4) {
                    return null;
                }
                Path2D.Double p = new Path2D.Double(st.windingRule());
                p.moveTo(pts[0], pts[1]);
                for (int i = 2; i + 1 < pts.length; i += 2) {
                    p.lineTo(pts[i], pts[i + 1]);
                }
                if (tag.equals("polygon")) {
                    p.closePath();
                }
                return p;
            }
            default:
                return null;
        }
    }

    private static String idOf(Element e) {
        return e.hasAttribute("id") ? " id=\"" + e.getAttribute("id") + "\"" : "";
    }

    // ---------------------------------------------------------------- building the shape

    private Shape build(Double width, Double height) {
        // Everything drawn, in SVG user space (y down), as filled shapes or outlines.
        List<java.awt.Shape> shapes = new ArrayList<>();
        List<Integer> paints = new ArrayList<>();
        for (Item it : items) {
            if (!stroke) {
                if (it.fill() != NONE && !(it.geometry() instanceof Line2D)) {
                    shapes.add(it.ctm().createTransformedShape(it.geometry()));
                    paints.add(it.fill());
                }
                if (it.stroke() != NONE && it.strokeWidthUser() > 0) {
                    BasicStroke bs = new BasicStroke((float) it.strokeWidthUser(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
                    shapes.add(it.ctm().createTransformedShape(bs.createStrokedShape(it.geometry())));
                    paints.add(it.stroke());
                }
            } else if (it.fill() != NONE || it.stroke() != NONE) {
                shapes.add(it.ctm().createTransformedShape(it.geometry()));
                paints.add(it.stroke() != NONE ? it.stroke() : it.fill());
            }
        }
        Rectangle2D b = null;
        for (java.awt.Shape s : shapes) {
            Rectangle2D r = s.getBounds2D();
            b = b == null ? r : b.createUnion(r);
        }
        if (b == null && !items.isEmpty()) {
            throw new InputException(null, "file", name + " draws nothing: its " + items.size()
                    + " shapes have neither a fill nor a stroke (a line needs a stroke)",
                    "give them a fill, or a stroke with a stroke-width");
        }
        if (b == null || (b.getWidth() <= 0 && b.getHeight() <= 0)) {
            String more = skipped.isEmpty() ? "" : "; not drawn: " + skippedList();
            throw new InputException(null, "file", name + " has no drawable geometry (path, polygon, polyline, rect, circle, "
                    + "ellipse, line with a fill or stroke)" + more,
                    skipped.containsKey("text") ? "convert text to paths in your editor (Inkscape: Path > Object to Path)"
                            : "draw at least one visible shape");
        }
        // Curves count as the lines Java2D flattens them into (at 1/4096 of the drawing, finer
        // than any raster made of it): 11,000 looping cubics passed a raw count and took minutes.
        double flatness = Math.max(b.getWidth(), b.getHeight()) / 4096;
        long segments = 0;
        for (java.awt.Shape s : shapes) {
            for (java.awt.geom.PathIterator pi = s.getPathIterator(null, flatness);
                 !pi.isDone() && segments <= MAX_SEGMENTS; pi.next()) {
                segments++;
            }
        }
        if (segments > MAX_SEGMENTS) {
            throw new InputException(null, "file", name + " has more than " + MAX_SEGMENTS
                    + " path segments (curves count as the lines they are drawn with, strokes as their outlines), "
                    + "too many to draw in reasonable time",
                    "simplify the drawing (Inkscape: Path > Simplify) or remove detail drones cannot show");
        }
        double f = Double.POSITIVE_INFINITY;
        if (width != null) {
            f = b.getWidth() > 0 ? width / b.getWidth() : f;
        }
        if (height != null) {
            f = Math.min(f, b.getHeight() > 0 ? height / b.getHeight() : f);
        }
        if (Double.isInfinite(f)) {
            throw new InputException(null, width != null ? "width" : "height", "the drawing in " + name + " is a flat line "
                    + (width != null ? "with no width" : "with no height"),
                    "size it along its length: give " + (width != null ? "height" : "width") + " instead");
        }
        AffineTransform toMetres = new AffineTransform(f, 0, 0, -f, -b.getCenterX() * f, b.getCenterY() * f);
        String desc = "svg " + name + (stroke ? " (stroke)" : " (fill)") + ", %s";
        if (!stroke) {
            List<VectorRegion.Painted> painted = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                painted.add(new VectorRegion.Painted(toMetres.createTransformedShape(shapes.get(i)), label(paints.get(i))));
            }
            VectorRegion region = VectorRegion.of(painted, "the SVG drawing", desc);
            if (!(region.measure() > 0)) {
                throw new InputException(null, "file", name + " paints no area (only lines without stroke width, or empty shapes)",
                        "give the shapes a fill or a stroke-width, or use \"mode\": \"stroke\" to put points along the lines");
            }
            return region;
        }
        List<CurveShape.Polyline> lines = new ArrayList<>();
        double size = Math.max(b.getWidth(), b.getHeight()) * f;
        for (int i = 0; i < shapes.size(); i++) {
            lines.addAll(TextSource.outlines(toMetres.createTransformedShape(shapes.get(i)), size * 1e-3, label(paints.get(i))));
        }
        return new CurveShape(lines, "the SVG outline", desc);
    }

    private static int label(int paint) {
        return paint == DEFAULT_PAINT ? Raster.DEFAULT : Raster.explicit(paint);
    }

    private String skippedList() {
        List<String> parts = new ArrayList<>();
        skipped.keySet().stream().sorted().forEach(k -> parts.add(skipped.get(k) + " <" + k + ">"));
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- values

    private int paint(String v, int inherited, String what, String tag) {
        if (v == null || v.equals("inherit")) {
            return inherited;
        }
        String s = v.strip();
        if (s.equals("none") || s.equals("transparent")) {
            return NONE;
        }
        if (s.equals("currentColor")) {
            return DEFAULT_PAINT;
        }
        if (s.startsWith("url(")) {
            int close = s.indexOf(')');
            String fallback = close > 0 ? s.substring(close + 1).strip() : "";
            return fallback.isEmpty() ? DEFAULT_PAINT : paint(fallback, inherited, what, tag);
        }
        Integer c = color(s);
        if (c == null) {
            throw new InputException(null, "file", name + ": <" + tag + "> " + what + " '" + v + "' is not a colour Starling knows",
                    "use #RRGGBB, #RGB, rgb(r, g, b) or a basic colour name");
        }
        return c;
    }

    /** 0xRRGGBB of a CSS colour, or null. */
    static Integer color(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("#")) {
                String h = t.substring(1);
                if (h.length() == 3 || h.length() == 4) {
                    int r = Integer.parseInt(h.substring(0, 1), 16), g = Integer.parseInt(h.substring(1, 2), 16),
                            b = Integer.parseInt(h.substring(2, 3), 16);
                    return (r * 17 << 16) | (g * 17 << 8) | (b * 17);
                }
                if (h.length() == 6 || h.length() == 8) {
                    return Integer.parseInt(h.substring(0, 6), 16);
                }
                return null;
            }
            if (t.startsWith("rgb(") || t.startsWith("rgba(")) {
                String inner = t.substring(t.indexOf('(') + 1, t.lastIndexOf(')'));
                String[] parts = inner.split("[,\\s/]+");
                if (parts.length < 3) {
                    return null;
                }
                int rgb = 0;
                for (int i = 0; i < 3; i++) {
                    String p = parts[i].strip();
                    double d = p.endsWith("%") ? Double.parseDouble(p.substring(0, p.length() - 1)) * 2.55 : Double.parseDouble(p);
                    int ch = (int) Math.round(Math.max(0, Math.min(255, d)));
                    rgb = (rgb << 8) | ch;
                }
                return rgb;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
        return NAMED.get(t);
    }

    private static Map<String, Integer> namedColors() {
        Map<String, Integer> m = new HashMap<>();
        Object[] table = {
            "black", 0x000000, "silver", 0xC0C0C0, "gray", 0x808080, "grey", 0x808080, "white", 0xFFFFFF,
            "maroon", 0x800000, "red", 0xFF0000, "purple", 0x800080, "fuchsia", 0xFF00FF, "magenta", 0xFF00FF,
            "green", 0x008000, "lime", 0x00FF00, "olive", 0x808000, "yellow", 0xFFFF00, "navy", 0x000080,
            "blue", 0x0000FF, "teal", 0x008080, "aqua", 0x00FFFF, "cyan", 0x00FFFF, "orange", 0xFFA500,
            "gold", 0xFFD700, "pink", 0xFFC0CB, "hotpink", 0xFF69B4, "deeppink", 0xFF1493, "violet", 0xEE82EE,
            "indigo", 0x4B0082, "brown", 0xA52A2A, "crimson", 0xDC143C, "coral", 0xFF7F50, "tomato", 0xFF6347,
            "orangered", 0xFF4500, "skyblue", 0x87CEEB, "deepskyblue", 0x00BFFF, "royalblue", 0x4169E1,
            "dodgerblue", 0x1E90FF, "turquoise", 0x40E0D0, "limegreen", 0x32CD32, "forestgreen", 0x228B22,
            "darkgreen", 0x006400, "darkred", 0x8B0000, "darkblue", 0x00008B, "lightblue", 0xADD8E6,
            "lightgreen", 0x90EE90, "lightgray", 0xD3D3D3, "lightgrey", 0xD3D3D3, "darkgray", 0xA9A9A9,
            "darkgrey", 0xA9A9A9, "khaki", 0xF0E68C, "salmon", 0xFA8072, "chocolate", 0xD2691E, "tan", 0xD2B48C,
            "beige", 0xF5F5DC, "ivory", 0xFFFFF0, "lavender", 0xE6E6FA, "plum", 0xDDA0DD, "orchid", 0xDA70D6,
            "steelblue", 0x4682B4, "slategray", 0x708090, "slategrey", 0x708090, "midnightblue", 0x191970,
            "firebrick", 0xB22222, "goldenrod", 0xDAA520, "seagreen", 0x2E8B57, "springgreen", 0x00FF7F,
            "chartreuse", 0x7FFF00, "yellowgreen", 0x9ACD32, "darkorange", 0xFF8C00, "mediumpurple", 0x9370DB,
            "blueviolet", 0x8A2BE2, "darkviolet", 0x9400D3, "whitesmoke", 0xF5F5F5, "snow", 0xFFFAFA,
        };
        for (int i = 0; i < table.length; i += 2) {
            m.put((String) table[i], (Integer) table[i + 1]);
        }
        return Map.copyOf(m);
    }

    private double length(Element e, String attr, double fallback) {
        if (!e.hasAttribute(attr) || e.getAttribute(attr).isBlank()) {
            return fallback;
        }
        return lengthValue(e.getAttribute(attr), attr, local(e));
    }

    /** An SVG length in user units: a number with an optional absolute unit. Percentages are refused. */
    private double lengthValue(String raw, String attr, String tag) {
        String v = raw.strip();
        double unit = 1;
        String[][] units = {{"px", "1"}, {"pt", "1.3333333333"}, {"pc", "16"}, {"mm", "3.7795275591"},
            {"cm", "37.795275591"}, {"in", "96"}};
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                v = v.substring(0, v.length() - 2).strip();
                unit = Double.parseDouble(u[1]);
                break;
            }
        }
        if (v.endsWith("%") || v.endsWith("em") || v.endsWith("ex")) {
            throw new InputException(null, "file", name + ": <" + tag + "> " + attr + "=\"" + raw
                    + "\" uses a relative unit Starling does not resolve",
                    "use plain numbers (user units) or px, pt, mm, cm, in");
        }
        try {
            double d = Double.parseDouble(v) * unit;
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException ex) {
            throw new InputException(null, "file", name + ": <" + tag + "> " + attr + "=\"" + raw + "\" is not a number",
                    "write a plain number, e.g. " + attr + "=\"10\"");
        }
    }

    /**
     * The tokens of an SVG number list ({@code points}, a transform's arguments): separated by
     * white space and/or commas, or by a minus sign right after a digit or point ({@code 10-5}).
     * No empty tokens.
     */
    private static List<String> numberTokens(String list) {
        List<String> out = new ArrayList<>();
        String t = list.strip();
        if (t.isEmpty()) {
            return out;
        }
        for (String p : NUMBER_SEPARATOR.split(t)) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private double[] numbers(String list, String tag, String attr) {
        List<String> parts = numberTokens(list);
        double[] out = new double[parts.size()];
        int n = 0;
        for (String p : parts) {
            try {
                out[n] = Double.parseDouble(p);
                if (!Double.isFinite(out[n])) {
                    throw new NumberFormatException();
                }
                n++;
            } catch (NumberFormatException ex) {
                throw new InputException(null, "file", name + ": <" + tag + "> " + attr + " has '" + p + "', not a number",
                        "write the list as numbers separated by spaces or commas");
            }
        }
        if (n % 2 != 0) {
            n--; // SVG: an odd trailing coordinate is ignored
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An SVG transform list, composed left to right. */
    private AffineTransform transform(String list, String tag) {
        AffineTransform t = new AffineTransform();
        String s = list.strip();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            if (i >= s.length()) {
                break;
            }
            int open = s.indexOf('(', i), close = s.indexOf(')', i);
            if (open < 0 || close < open) {
                throw badTransform(list, tag);
            }
            String fn = s.substring(i, open).strip();
            double[] raw = rawNumbers(s.substring(open + 1, close), list, tag);
            switch (fn) {
                case "matrix":
                    need(raw, 6, 6, list, tag);
                    t.concatenate(new AffineTransform(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5]));
                    break;
                case "translate":
                    need(raw, 1, 2, list, tag);
                    t.translate(raw[0], raw.length > 1 ? raw[1] : 0);
                    break;
                case "scale":
                    need(raw, 1, 2, list, tag);
                    t.scale(raw[0], raw.length > 1 ? raw[1] : raw[0]);
                    break;
                case "rotate":
                    if (raw.length == 1) {
                        t.rotate(Math.toRadians(raw[0]));
                    } else {
                        need(raw, 3, 3, list, tag);
                        t.rotate(Math.toRadians(raw[0]), raw[1], raw[2]);
                    }
                    break;
                case "skewX":
                    need(raw, 1, 1, list, tag);
                    t.shear(Math.tan(Math.toRadians(raw[0])), 0);
                    break;
                case "skewY":
                    need(raw, 1, 1, list, tag);
                    t.shear(0, Math.tan(Math.toRadians(raw[0])));
                    break;
                default:
                    throw badTransform(list, tag);
            }
            i = close + 1;
        }
        return t;
    }

    private double[] rawNumbers(String inner, String list, String tag) {
        List<String> parts = numberTokens(inner);
        double[] out = new double[parts.size()];
        int n = 0;
        for (String p : parts) {
            try {
                out[n++] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw badTransform(list, tag);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void need(double[] a, int min, int max, String list, String tag) {
        if (a.length < min || a.length > max) {
            throw badTransform(list, tag);
        }
    }

    private InputException badTransform(String list, String tag) {
        return new InputException(null, "file", name + ": <" + tag + "> transform=\"" + list + "\" is not a transform Starling reads",
                "use matrix(a b c d e f), translate(x [y]), scale(x [y]), rotate(deg [cx cy]), skewX(deg), skewY(deg)");
    }
}
