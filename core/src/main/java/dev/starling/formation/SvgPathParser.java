package dev.starling.formation;

import java.awt.geom.Path2D;

/**
 * SVG path data ({@code d} attribute) to a Java2D path: every command of SVG 1.1 (M L H V C S Q
 * T A Z, absolute and relative, implicit repetition), numbers in every form the grammar allows
 * ({@code 1e-3}, {@code .5.5}, {@code 10-5}, arc flags without separators). Elliptical arcs are
 * converted to cubic Béziers of at most 90° each (SVG 1.1 appendix F.6.5, F.6.6).
 */
final class SvgPathParser {
    /** Malformed path data: what and where (character index). */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;
    private final Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
    private double cx, cy, startX, startY, ctrlX, ctrlY;
    private char prev;

    private SvgPathParser(String s) {
        this.s = s;
    }

    static Path2D.Double parse(String d) throws SyntaxError {
        SvgPathParser p = new SvgPathParser(d == null ? "" : d);
        p.run();
        return p.path;
    }

    private void run() throws SyntaxError {
        char cmd = 0;
        boolean started = false;
        while (true) {
            skipSeparators();
            if (i >= s.length()) {
                return;
            }
            char c = s.charAt(i);
            if (Character.isLetter(c) && c != 'e' && c != 'E') {
                cmd = c;
                i++;
                if ("MmLlHhVvCcSsQqTtAaZz".indexOf(c) < 0) {
                    throw new SyntaxError("unknown path command '" + c + "' at character " + i);
                }
                if (!started && c != 'M' && c != 'm') {
                    throw new SyntaxError("path data must start with M or m, not '" + c + "'");
                }
                started = true;
                if (c == 'Z' || c == 'z') {
                    closePath();
                    continue;
                }
            } else if (cmd == 0) {
                throw new SyntaxError("path data must start with M or m, not '" + c + "'");
            } else if (cmd == 'Z' || cmd == 'z') {
                throw new SyntaxError("numbers after Z at character " + (i + 1));
            }
            command(cmd);
            if (cmd == 'M') {
                cmd = 'L'; // further coordinate pairs after a moveto are linetos
            } else if (cmd == 'm') {
                cmd = 'l';
            }
        }
    }

    private void command(char cmd) throws SyntaxError {
        boolean rel = Character.isLowerCase(cmd);
        double ox = rel ? cx : 0, oy = rel ? cy : 0;
        switch (Character.toUpperCase(cmd)) {
            case 'M': {
                double x = ox + num(), y = oy + num();
                path.moveTo(x, y);
                cx = startX = x;
                cy = startY = y;
                ctrlX = x;
                ctrlY = y;
                break;
            }
            case 'L': {
                double x = ox + num(), y = oy + num();
                lineTo(x, y);
                break;
            }
            case 'H':
                lineTo(ox + num(), cy);
                break;
            case 'V':
                lineTo(cx, oy + num());
                break;
            case 'C': {
                double x1 = ox + num(), y1 = oy + num(), x2 = ox + num(), y2 = oy + num(), x = ox + num(), y = oy + num();
                curveTo(x1, y1, x2, y2, x, y);
                break;
            }
            case 'S': {
                boolean follows = prev == 'C' || prev == 'S';
                double x1 = follows ? 2 * cx - ctrlX : cx, y1 = follows ? 2 * cy - ctrlY : cy;
                double x2 = ox + num(), y2 = oy + num(), x = ox + num(), y = oy + num();
                curveTo(x1, y1, x2, y2, x, y);
                break;
            }
            case 'Q': {
                double x1 = ox + num(), y1 = oy + num(), x = ox + num(), y = oy + num();
                quadTo(x1, y1, x, y);
                break;
            }
            case 'T': {
                boolean follows = prev == 'Q' || prev == 'T';
                double x1 = follows ? 2 * cx - ctrlX : cx, y1 = follows ? 2 * cy - ctrlY : cy;
                double x = ox + num(), y = oy + num();
                quadTo(x1, y1, x, y);
                break;
            }
            case 'A': {
                double rx = num(), ry = num(), rot = num();
                boolean large = flag(), sweep = flag();
                double x = ox + num(), y = oy + num();
                arcTo(rx, ry, rot, large, sweep, x, y);
                break;
            }
            default:
                throw new IllegalStateException(String.valueOf(cmd));
        }
        prev = Character.toUpperCase(cmd);
    }

    private void lineTo(double x, double y) {
        path.lineTo(x, y);
        cx = ctrlX = x;
        cy = ctrlY = y;
    }

    private void curveTo(double x1, double y1, double x2, double y2, double x, double y) {
        path.curveTo(x1, y1, x2, y2, x, y);
        ctrlX = x2;
        ctrlY = y2;
        cx = x;
        cy = y;
    }

    private void quadTo(double x1, double y1, double x, double y) {
        path.quadTo(x1, y1, x, y);
        ctrlX = x1;
        ctrlY = y1;
        cx = x;
        cy = y;
    }

    private void closePath() {
        path.closePath();
        cx = ctrlX = startX;
        cy = ctrlY = startY;
        prev = 'Z';
    }

    /** Endpoint-parameterised elliptical arc from the current point to (x, y), as cubics. */
    private void arcTo(double rx, double ry, double rotDeg, boolean large, boolean sweep, double x, double y) {
        double x1 = cx, y1 = cy;
        if (x1 == x && y1 == y) {
            return; // F.6.2: identical endpoints draw nothing
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            lineTo(x, y); // F.6.2: a zero radius is a straight line
            return;
        }
        double phi = Math.toRadians(rotDeg % 360);
        double cos = Math.cos(phi), sin = Math.sin(phi);
        double dx2 = (x1 - x) / 2, dy2 = (y1 - y) / 2;
        double x1p = cos * dx2 + sin * dy2;
        double y1p = -sin * dx2 + cos * dy2;
        double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
        if (lambda > 1) { // F.6.6: radii too small to reach, scale them up
            double sq = Math.sqrt(lambda);
            rx *= sq;
            ry *= sq;
        }
        double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
        double cxp = coef * rx * y1p / ry;
        double cyp = -coef * ry * x1p / rx;
        double ecx = cos * cxp - sin * cyp + (x1 + x) / 2;
        double ecy = sin * cxp + cos * cyp + (y1 + y) / 2;
        double ux = (x1p - cxp) / rx, uy = (y1p - cyp) / ry;
        double vx = (-x1p - cxp) / rx, vy = (-y1p - cyp) / ry;
        double theta1 = Math.atan2(uy, ux);
        double delta = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
        if (!sweep && delta > 0) {
            delta -= 2 * Math.PI;
        } else if (sweep && delta < 0) {
            delta += 2 * Math.PI;
        }
        int segments = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9);
        segments = Math.max(segments, 1);
        double step = delta / segments;
        double kappa = 4.0 / 3.0 * Math.tan(step / 4);
        double a = theta1;
        for (int sIdx = 0; sIdx < segments; sIdx++) {
            double b = a + step;
            double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b);
            double p1x = ca - kappa * sa, p1y = sa + kappa * ca;
            double p2x = cb + kappa * sb, p2y = sb - kappa * cb;
            double ex = sIdx == segments - 1 ? x : ecx + cos * rx * cb - sin * ry * sb;
            double ey = sIdx == segments - 1 ? y : ecy + sin * rx * cb + cos * ry * sb;
            path.curveTo(ecx + cos * rx * p1x - sin * ry * p1y, ecy + sin * rx * p1x + cos * ry * p1y,
                    ecx + cos * rx * p2x - sin * ry * p2y, ecy + sin * rx * p2x + cos * ry * p2y, ex, ey);
            a = b;
        }
        cx = ctrlX = x;
        cy = ctrlY = y;
    }

    private void skipSeparators() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else {
                break;
            }
        }
    }

    private boolean flag() throws SyntaxError {
        skipSeparators();
        if (i < s.length() && (s.charAt(i) == '0' || s.charAt(i) == '1')) {
            return s.charAt(i++) == '1';
        }
        throw new SyntaxError("expected an arc flag 0 or 1 at character " + (i + 1) + near());
    }

    /** The next number of the path data (SVG number grammar). */
    double num() throws SyntaxError {
        skipSeparators();
        int st = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            i = st;
            throw new SyntaxError("expected a number at character " + (st + 1) + near());
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                e++;
            }
            if (e < s.length() && Character.isDigit(s.charAt(e))) {
                i = e;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
        double v = Double.parseDouble(s.substring(st, i));
        if (!Double.isFinite(v)) {
            throw new SyntaxError("number out of range at character " + (st + 1));
        }
        return v;
    }

    private String near() {
        int a = Math.max(0, i - 10), b = Math.min(s.length(), i + 10);
        return " (near '" + s.substring(a, b) + "')";
    }
}
