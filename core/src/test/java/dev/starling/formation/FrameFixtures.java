package dev.starling.formation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Small animations written for tests: a CSV frame sequence of a turning grid with changing
 * colours, and a glTF 2.0 grid mesh whose morph target lifts it into a wave and back.
 */
final class FrameFixtures {
    private FrameFixtures() {
    }

    /** Fraction of the turn of {@link #csvGrid} done at frame f of {@code frames}: eased in and out. */
    static double turned(int f, int frames) {
        double u = f / (frames - 1.0);
        return u * u * (3 - 2 * u);
    }

    /** A side × side grid, 3 m pitch in x–z, turning 40° about z over {@code frames} frames (eased), colour fading red → blue. */
    static String csvGrid(int side, int frames) {
        StringBuilder sb = new StringBuilder("frame,id,x,y,z,r,g,b\n");
        for (int f = 0; f < frames; f++) {
            double a = Math.toRadians(40.0 * turned(f, frames));
            int red = (int) Math.round(255.0 * (frames - 1 - f) / (frames - 1));
            for (int i = 0; i < side * side; i++) {
                double u = (i % side - (side - 1) / 2.0) * 3, w = (i / side - (side - 1) / 2.0) * 3;
                sb.append(String.format(Locale.ROOT, "%d,d%03d,%.4f,%.4f,%.4f,%d,%d,%d%n", f, i, u * Math.cos(a),
                        u * Math.sin(a), w, red, 40, 255 - red));
            }
        }
        return sb.toString();
    }

    /** Position of grid vertex i of {@link #gltfMorphGrid} at weight w (glTF axes: x right, y up, z to the viewer). */
    static double[] morphVertex(int side, int i, double w) {
        double u = (i % side - (side - 1) / 2.0) * 3, v = (i / side - (side - 1) / 2.0) * 3;
        return new double[] {u, v, w * 1.5 * Math.sin(u / 6)};
    }

    /**
     * A .gltf (one JSON file, buffer as a data URI): a side × side vertex grid (3 m pitch, in glTF's x–y
     * plane), one morph target (z += 1.5·sin(x/6)), and an animation of its weight 0, 0.5, 1, 0.5, 0 at
     * 0, 2, 4, 6, 8 s (linear).
     */
    static void gltfMorphGrid(Path file, int side) throws IOException {
        int n = side * side;
        float[] times = {0, 2, 4, 6, 8};
        float[] weights = {0, 0.5f, 1, 0.5f, 0};
        ByteBuffer b = ByteBuffer.allocate(n * 12 * 2 + 20 + 20).order(ByteOrder.LITTLE_ENDIAN);
        float[] lo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE}, hi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            double[] p = morphVertex(side, i, 0);
            for (int a = 0; a < 3; a++) {
                b.putFloat((float) p[a]);
                lo[a] = Math.min(lo[a], (float) p[a]);
                hi[a] = Math.max(hi[a], (float) p[a]);
            }
        }
        float[] tlo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE}, thi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            double[] d = morphVertex(side, i, 1);
            float[] t = {0, 0, (float) d[2]};
            for (int a = 0; a < 3; a++) {
                b.putFloat(t[a]);
                tlo[a] = Math.min(tlo[a], t[a]);
                thi[a] = Math.max(thi[a], t[a]);
            }
        }
        for (float t : times) {
            b.putFloat(t);
        }
        for (float w : weights) {
            b.putFloat(w);
        }
        String data = Base64.getEncoder().encodeToString(b.array());
        int pos = n * 12, tOff = 2 * n * 12, wOff = tOff + 20;
        String json = String.format(Locale.ROOT, """
                {"asset": {"version": "2.0", "generator": "Starling test fixtures"},
                 "scene": 0, "scenes": [{"nodes": [0]}],
                 "nodes": [{"name": "grid", "mesh": 0}],
                 "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "mode": 0, "targets": [{"POSITION": 1}]}],
                             "weights": [0]}],
                 "buffers": [{"byteLength": %d, "uri": "data:application/octet-stream;base64,%s"}],
                 "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": %d},
                                 {"buffer": 0, "byteOffset": %d, "byteLength": %d},
                                 {"buffer": 0, "byteOffset": %d, "byteLength": 20},
                                 {"buffer": 0, "byteOffset": %d, "byteLength": 20}],
                 "accessors": [{"bufferView": 0, "componentType": 5126, "count": %d, "type": "VEC3",
                                "min": [%f, %f, %f], "max": [%f, %f, %f]},
                               {"bufferView": 1, "componentType": 5126, "count": %d, "type": "VEC3",
                                "min": [%f, %f, %f], "max": [%f, %f, %f]},
                               {"bufferView": 2, "componentType": 5126, "count": 5, "type": "SCALAR", "min": [0], "max": [8]},
                               {"bufferView": 3, "componentType": 5126, "count": 5, "type": "SCALAR"}],
                 "animations": [{"channels": [{"sampler": 0, "target": {"node": 0, "path": "weights"}}],
                                 "samplers": [{"input": 2, "output": 3, "interpolation": "LINEAR"}]}]}""",
                b.capacity(), data, pos, pos, pos, tOff, wOff, n, lo[0], lo[1], lo[2], hi[0], hi[1], hi[2],
                n, tlo[0], tlo[1], tlo[2], thi[0], thi[1], thi[2]);
        Files.writeString(file, json);
    }
}
