package dev.starling.formation;

import dev.starling.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Mesh formations from Wavefront OBJ: {@code v} and {@code f} lines (triangles and polygons, fan
 * triangulated; {@code v/vt/vn} references and negative indices accepted; every other statement
 * ignored). Points are spread over the surface by area; faces without area are skipped. OBJ's
 * own axes are kept (y up, +z towards the viewer), which in the local frame is u = x, v = y,
 * w = z. Scaled so the largest extent is {@code size} metres, centred on its bounding box.
 */
final class MeshSource {
    /** Faces of area below this fraction of the squared bounding-box diagonal count as degenerate. */
    static final double DEGENERATE_AREA = 1e-12;

    private MeshSource() {
    }

    static Shape shape(String fileField, Double sizeField, Path baseDir) {
        Path file = Fields.file(fileField, baseDir, "mesh");
        double size = Fields.positive(sizeField, "size", "40");
        String name = file.getFileName().toString();
        double[] vx = new double[1024];
        int nv = 0;
        int[] faceVerts = new int[1024]; // triangles as vertex index triples (fan-triangulated)
        int nt = 0;
        int faces = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue;
                }
                String[] tok = t.split("\\s+");
                if (tok[0].equals("v")) {
                    if (tok.length < 4) {
                        throw bad(name, lineNo, "a vertex needs x y z, found " + (tok.length - 1) + " numbers", line);
                    }
                    if (3 * nv + 3 > vx.length) {
                        vx = Arrays.copyOf(vx, vx.length * 2);
                    }
                    for (int a = 0; a < 3; a++) {
                        double d;
                        try {
                            d = Double.parseDouble(tok[1 + a]);
                        } catch (NumberFormatException e) {
                            throw bad(name, lineNo, "'" + tok[1 + a] + "' is not a number", line);
                        }
                        if (!Double.isFinite(d)) {
                            throw bad(name, lineNo, "vertex coordinates must be finite numbers", line);
                        }
                        vx[3 * nv + a] = d;
                    }
                    nv++;
                } else if (tok[0].equals("f")) {
                    if (tok.length < 4) {
                        throw bad(name, lineNo, "a face needs at least 3 vertices, found " + (tok.length - 1), line);
                    }
                    int[] idx = new int[tok.length - 1];
                    for (int a = 0; a < idx.length; a++) {
                        String ref = tok[1 + a];
                        int slash = ref.indexOf('/');
                        String head = slash < 0 ? ref : ref.substring(0, slash);
                        int i;
                        try {
                            i = Integer.parseInt(head);
                        } catch (NumberFormatException e) {
                            throw bad(name, lineNo, "'" + ref + "' is not a vertex reference", line);
                        }
                        int zeroBased = i > 0 ? i - 1 : nv + i;
                        if (i == 0 || zeroBased < 0 || zeroBased >= nv) {
                            throw bad(name, lineNo, "the face refers to vertex " + i + " but " + nv
                                    + " vertices are defined before it", line);
                        }
                        idx[a] = zeroBased;
                    }
                    faces++;
                    for (int a = 1; a + 1 < idx.length; a++) {
                        if (3 * nt + 3 > faceVerts.length) {
                            faceVerts = Arrays.copyOf(faceVerts, faceVerts.length * 2);
                        }
                        faceVerts[3 * nt] = idx[0];
                        faceVerts[3 * nt + 1] = idx[a];
                        faceVerts[3 * nt + 2] = idx[a + 1];
                        nt++;
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(null, "file", "cannot read " + name + ": " + e.getMessage(), "check the file");
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(null, "file", "cannot read " + name + ": " + e.getMessage(), "save the OBJ as UTF-8 or ASCII");
        }
        if (faces == 0) {
            throw new InputException(null, "file", name + " has no faces ('f' lines)",
                    "export the mesh with faces, not only vertices or lines");
        }
        // Bounds of the vertices faces use.
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < 3 * nt; i++) {
            int v = faceVerts[i];
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], vx[3 * v + a]);
                b[3 + a] = Math.max(b[3 + a], vx[3 * v + a]);
            }
        }
        double extent = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
        double diag2 = sq(b[3] - b[0]) + sq(b[4] - b[1]) + sq(b[5] - b[2]);
        double s = extent > 0 ? size / extent : 0;
        double cx = (b[0] + b[3]) / 2, cy = (b[1] + b[4]) / 2, cz = (b[2] + b[5]) / 2;
        double[] tri = new double[9 * nt];
        double[] cumulative = new double[nt];
        int kept = 0;
        double total = 0;
        for (int t = 0; t < nt; t++) {
            int o = 9 * kept;
            for (int c = 0; c < 3; c++) {
                int v = faceVerts[3 * t + c];
                tri[o + 3 * c] = (vx[3 * v] - cx) * s;
                tri[o + 3 * c + 1] = (vx[3 * v + 1] - cy) * s;
                tri[o + 3 * c + 2] = (vx[3 * v + 2] - cz) * s;
            }
            double rawArea = area(vx, faceVerts[3 * t], faceVerts[3 * t + 1], faceVerts[3 * t + 2]);
            if (!(rawArea > DEGENERATE_AREA * diag2)) {
                continue; // degenerate face: no area to hold points
            }
            total += area(tri, o);
            cumulative[kept++] = total;
        }
        if (kept == 0) {
            throw new InputException(null, "file", name + " has no area: all " + faces + " faces are degenerate (zero area)",
                    "check the mesh: its faces must span triangles, not collapse to lines or points");
        }
        return new SurfaceShape.Mesh(Arrays.copyOf(tri, 9 * kept), Arrays.copyOf(cumulative, kept),
                String.format(Locale.ROOT, "mesh %s (%d faces, %d triangles with area), %%s", name, faces, kept));
    }

    private static InputException bad(String name, int lineNo, String what, String line) {
        String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        return new InputException(null, "file", name + " line " + lineNo + ": " + what + " ('" + shown.strip() + "')",
                "fix that line of the OBJ file");
    }

    private static double area(double[] v, int a, int b, int c) {
        double ux = v[3 * b] - v[3 * a], uy = v[3 * b + 1] - v[3 * a + 1], uz = v[3 * b + 2] - v[3 * a + 2];
        double wx = v[3 * c] - v[3 * a], wy = v[3 * c + 1] - v[3 * a + 1], wz = v[3 * c + 2] - v[3 * a + 2];
        return 0.5 * Math.sqrt(sq(uy * wz - uz * wy) + sq(uz * wx - ux * wz) + sq(ux * wy - uy * wx));
    }

    private static double area(double[] tri, int o) {
        double ux = tri[o + 3] - tri[o], uy = tri[o + 4] - tri[o + 1], uz = tri[o + 5] - tri[o + 2];
        double wx = tri[o + 6] - tri[o], wy = tri[o + 7] - tri[o + 1], wz = tri[o + 8] - tri[o + 2];
        return 0.5 * Math.sqrt(sq(uy * wz - uz * wy) + sq(uz * wx - ux * wz) + sq(ux * wy - uy * wx));
    }

    private static double sq(double a) {
        return a * a;
    }
}
