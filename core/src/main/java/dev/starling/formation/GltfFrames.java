package dev.starling.formation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.javagl.jgltf.model.AccessorData;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AnimationModel;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import dev.starling.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A glTF 2.0 animation ({@code .glb} or {@code .gltf}) as a {@link FrameSequence}: one drone per
 * distinct vertex of the meshes of the file's nodes, each frame the vertices where the first
 * animation puts them (node translation, rotation, scale and morph-target weights; linear and
 * step interpolation, spherical for rotations; cubic-spline keys are taken at their values),
 * sampled at the animation's keyframe rate (key count − 1 over its length); skinned meshes are
 * refused (their bones are not evaluated); vertex colours
 * ({@code COLOR_0}) when every primitive has them. Read with JglTF
 * ({@code de.javagl:jgltf-model}). Axes: glTF's +y up is the show's z, its +z (towards the
 * viewer) the show's −y (towards the audience), x stays x; metres.
 *
 * <p>Bounded before anything is decoded: the file's size, the GLB header and chunk lengths, and
 * every accessor's declared count are checked from the JSON first, so a truncated file or one
 * that declares ten million vertices is refused in milliseconds without allocating them.
 */
final class GltfFrames {
    /** Largest glTF file read, bytes. */
    static final long MAX_BYTES = 64L << 20;
    /** Most vertices (drones) an animation may have. */
    static final int MAX_VERTICES = 100_000;
    /** Most frames sampled. */
    static final int MAX_FRAMES = 10_000;

    private GltfFrames() {
    }

    static FrameSequence read(Path file, String label) {
        long size = FrameSequence.checkedSize(file, label, MAX_BYTES,
                "decimate the mesh: a drone show has at most " + MAX_VERTICES + " drones");
        JsonNode json = json(file, label, size);
        precheck(json, label);
        GltfModel model;
        try {
            model = new GltfModelReader().read(file);
        } catch (IOException | RuntimeException e) {
            throw new InputException(null, "file", label + " is not a readable glTF 2.0 file: " + e.getMessage(),
                    "export it again as glTF 2.0 (.glb or .gltf)");
        }
        if (!model.getSkinModels().isEmpty()) {
            throw new InputException(null, "file", label + " is a skinned (rigged) animation, which is not read here",
                    "bake the armature's motion into the mesh (Blender: glTF export with shape keys, or bake to "
                            + "morph targets) or animate objects, not bones");
        }
        if (model.getAnimationModels().isEmpty()) {
            throw new InputException(null, "file", label + " has no animation: nothing moves",
                    "export the animation with it (Blender: glTF export → Animation), or use a mesh formation");
        }
        return sample(model, label);
    }

    /** The glTF JSON: the whole file for .gltf, the first chunk of a .glb (whose header is checked). */
    private static JsonNode json(Path file, String label, long size) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(null, "file", label + ": cannot be read: " + e.getMessage(), "check the path");
        }
        byte[] text = bytes;
        if (bytes.length >= 4 && bytes[0] == 'g' && bytes[1] == 'l' && bytes[2] == 'T' && bytes[3] == 'F') {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.length < 20) {
                throw truncated(label, 20, bytes.length);
            }
            int version = b.getInt(4);
            long length = b.getInt(8) & 0xFFFFFFFFL;
            if (version != 2) {
                throw new InputException(null, "file", label + " is glTF version " + version + ", not 2",
                        "export it as glTF 2.0");
            }
            if (length > bytes.length) {
                throw truncated(label, length, bytes.length);
            }
            long chunk = b.getInt(12) & 0xFFFFFFFFL;
            if (b.getInt(16) != 0x4E4F534A) {
                throw new InputException(null, "file", label + ": the first GLB chunk is not the JSON chunk",
                        "export the file again");
            }
            if (20 + chunk > bytes.length) {
                throw truncated(label, 20 + chunk, bytes.length);
            }
            text = java.util.Arrays.copyOfRange(bytes, 20, (int) (20 + chunk));
        }
        try {
            return new ObjectMapper().readTree(new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(null, "file", label + " is not glTF: its JSON does not parse ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", "the file may be truncated: export it again");
        }
    }

    private static InputException truncated(String label, long want, long have) {
        return new InputException(null, "file", label + " is truncated: it should hold " + want + " bytes, it has "
                + have, "export or copy the file again");
    }

    /** Declared sizes, before any buffer is decoded. */
    private static void precheck(JsonNode json, String label) {
        if (!json.path("asset").path("version").asText("").startsWith("2")) {
            throw new InputException(null, "file", label + " is not glTF 2.0 (asset.version is \""
                    + json.path("asset").path("version").asText("") + "\")", "export it as glTF 2.0");
        }
        long vertices = 0;
        Set<Integer> positions = new HashSet<>();
        for (JsonNode mesh : json.path("meshes")) {
            for (JsonNode prim : mesh.path("primitives")) {
                JsonNode pos = prim.path("attributes").path("POSITION");
                if (pos.isInt()) {
                    positions.add(pos.asInt());
                }
            }
        }
        JsonNode accessors = json.path("accessors");
        for (int a : positions) {
            long count = accessors.path(a).path("count").asLong(0);
            vertices += count;
        }
        if (vertices > MAX_VERTICES) {
            throw new InputException(null, "file", label + " has " + vertices + " vertices, more than the "
                    + MAX_VERTICES + " drones a show may fly", "decimate the mesh (Blender: Decimate modifier) to the "
                    + "number of drones that should fly it");
        }
        for (JsonNode acc : accessors) {
            long count = acc.path("count").asLong(0);
            if (count > 16L * MAX_VERTICES * 4) {
                throw new InputException(null, "file", label + " declares an accessor of " + count + " elements, "
                        + "beyond any drone show", "decimate the mesh to at most " + MAX_VERTICES + " vertices");
            }
        }
        if (vertices == 0) {
            throw new InputException(null, "file", label + " has no mesh vertices", "export the animated mesh with it");
        }
    }

    /** Every frame's vertex positions, one drone per distinct vertex of each primitive. */
    private static FrameSequence sample(GltfModel model, String label) {
        AnimationModel anim = model.getAnimationModels().get(0);
        TreeSet<Float> times = new TreeSet<>();
        for (AnimationModel.Channel c : anim.getChannels()) {
            AccessorFloatData in = floats(c.getSampler().getInput(), label);
            for (int k = 0; k < in.getNumElements(); k++) {
                times.add(in.get(k));
            }
        }
        if (times.size() < 2) {
            throw new InputException(null, "file", label + "'s animation has " + times.size() + " keyframe time(s): "
                    + "nothing moves", "key the animation at two times or more");
        }
        double t0 = times.first(), length = times.last() - t0;
        int frames = times.size();
        if (frames > MAX_FRAMES) {
            throw new InputException(null, "file", label + "'s animation has " + frames + " keyframes, more than "
                    + MAX_FRAMES, "bake it at a lower frame rate");
        }
        double fps = (frames - 1) / length;
        // the drones: distinct vertices per primitive of every node with a mesh, in node order
        List<NodeModel> nodes = new ArrayList<>();
        List<MeshPrimitiveModel> prims = new ArrayList<>();
        List<int[]> keep = new ArrayList<>();
        int count = 0;
        for (NodeModel node : model.getNodeModels()) {
            for (MeshModel mesh : node.getMeshModels()) {
                for (MeshPrimitiveModel p : mesh.getMeshPrimitiveModels()) {
                    AccessorModel pos = p.getAttributes().get("POSITION");
                    if (pos == null) {
                        continue;
                    }
                    AccessorFloatData d = floats(pos, label);
                    Set<List<Float>> seen = new HashSet<>();
                    List<Integer> idx = new ArrayList<>();
                    for (int v = 0; v < d.getNumElements(); v++) {
                        if (seen.add(List.of(d.get(v, 0), d.get(v, 1), d.get(v, 2)))) {
                            idx.add(v);
                        }
                    }
                    nodes.add(node);
                    prims.add(p);
                    keep.add(idx.stream().mapToInt(Integer::intValue).toArray());
                    count += idx.size();
                }
            }
        }
        String[] ids = new String[count];
        int o = 0;
        for (int q = 0; q < prims.size(); q++) {
            String name = nodes.get(q).getName() == null ? "node" : nodes.get(q).getName();
            for (int v : keep.get(q)) {
                ids[o++] = name + "#" + v;
            }
        }
        float[] x = new float[frames * count], y = new float[frames * count], z = new float[frames * count];
        // vertex colours (COLOR_0, floats 0–1) when every primitive has them: the drones' colours
        int[] colour = new int[count];
        boolean coloured = true;
        int c0 = 0;
        for (int q = 0; q < prims.size() && coloured; q++) {
            AccessorModel ca = prims.get(q).getAttributes().get("COLOR_0");
            if (ca == null || !(ca.getAccessorData() instanceof AccessorFloatData cd)) {
                coloured = false;
                break;
            }
            for (int v : keep.get(q)) {
                int rgb = 0;
                for (int a = 0; a < 3; a++) {
                    rgb = (rgb << 8) | (int) Math.round(Math.max(0, Math.min(1, cd.get(v, a))) * 255);
                }
                colour[c0++] = rgb;
            }
        }
        int[] rgbs = null;
        if (coloured) {
            rgbs = new int[frames * count];
            for (int f = 0; f < frames; f++) {
                System.arraycopy(colour, 0, rgbs, f * count, count);
            }
        }
        float[] m = new float[16];
        for (int f = 0; f < frames; f++) {
            double t = t0 + f / fps;
            for (AnimationModel.Channel c : anim.getChannels()) {
                apply(c, (float) t, label);
            }
            int base = f * count;
            for (int q = 0; q < prims.size(); q++) {
                NodeModel node = nodes.get(q);
                node.computeGlobalTransform(m);
                MeshPrimitiveModel p = prims.get(q);
                AccessorFloatData pos = floats(p.getAttributes().get("POSITION"), label);
                float[] w = node.getWeights();
                if (w == null && !node.getMeshModels().isEmpty()) {
                    w = node.getMeshModels().get(0).getWeights();
                }
                List<Map<String, AccessorModel>> targets = p.getTargets();
                for (int v : keep.get(q)) {
                    float px = pos.get(v, 0), py = pos.get(v, 1), pz = pos.get(v, 2);
                    for (int k = 0; w != null && k < targets.size() && k < w.length; k++) {
                        AccessorModel tp = targets.get(k).get("POSITION");
                        if (tp != null && w[k] != 0) {
                            AccessorFloatData td = floats(tp, label);
                            px += w[k] * td.get(v, 0);
                            py += w[k] * td.get(v, 1);
                            pz += w[k] * td.get(v, 2);
                        }
                    }
                    // column-major 4×4, then glTF (y up, +z to the viewer) to the show frame
                    float gx = m[0] * px + m[4] * py + m[8] * pz + m[12];
                    float gy = m[1] * px + m[5] * py + m[9] * pz + m[13];
                    float gz = m[2] * px + m[6] * py + m[10] * pz + m[14];
                    x[base] = gx;
                    y[base] = -gz;
                    z[base] = gy;
                    base++;
                }
            }
        }
        return new FrameSequence(ids, fps, x, y, z, rgbs, label);
    }

    /** Sets the channel's node property to its value at t (clamped to the keys). */
    private static void apply(AnimationModel.Channel c, float t, String label) {
        AccessorFloatData in = floats(c.getSampler().getInput(), label);
        AccessorFloatData out = floats(c.getSampler().getOutput(), label);
        int keys = in.getNumElements();
        String interp = String.valueOf(c.getSampler().getInterpolation());
        boolean cubic = interp.equals("CUBICSPLINE");
        int width = out.getTotalNumComponents() / Math.max(1, keys) / (cubic ? 3 : 1);
        int k = 0;
        while (k + 1 < keys && in.get(k + 1) <= t) {
            k++;
        }
        float u = 0;
        if (k + 1 < keys && !interp.equals("STEP")) {
            float a = in.get(k), b = in.get(k + 1);
            u = b > a ? Math.max(0, Math.min(1, (t - a) / (b - a))) : 0;
        }
        if (t <= in.get(0)) {
            u = 0;
        }
        float[] va = value(out, k, width, cubic), vb = k + 1 < keys ? value(out, k + 1, width, cubic) : va;
        float[] v = new float[width];
        String path = c.getPath();
        if (path.equals("rotation")) {
            slerp(va, vb, u, v);
        } else {
            for (int i = 0; i < width; i++) {
                v[i] = va[i] + u * (vb[i] - va[i]);
            }
        }
        NodeModel node = c.getNodeModel();
        switch (path) {
            case "translation" -> node.setTranslation(v);
            case "rotation" -> node.setRotation(v);
            case "scale" -> node.setScale(v);
            case "weights" -> node.setWeights(v);
            default -> throw new InputException(null, "file", label + ": unknown animation path \"" + path + "\"",
                    "animate translation, rotation, scale or morph weights");
        }
    }

    private static float[] value(AccessorFloatData out, int k, int width, boolean cubic) {
        float[] v = new float[width];
        int base = (cubic ? 3 * k + 1 : k) * width;
        for (int i = 0; i < width; i++) {
            v[i] = out.get(base + i);
        }
        return v;
    }

    private static void slerp(float[] a, float[] b, float u, float[] out) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
        double s = dot < 0 ? -1 : 1;
        dot = Math.abs(dot);
        double wa, wb;
        if (dot > 0.9995) {
            wa = 1 - u;
            wb = u;
        } else {
            double th = Math.acos(dot);
            wa = Math.sin((1 - u) * th) / Math.sin(th);
            wb = Math.sin(u * th) / Math.sin(th);
        }
        double len = 0;
        for (int i = 0; i < 4; i++) {
            out[i] = (float) (wa * a[i] + wb * s * b[i]);
            len += out[i] * out[i];
        }
        len = Math.sqrt(len);
        for (int i = 0; i < 4; i++) {
            out[i] /= (float) len;
        }
    }

    private static AccessorFloatData floats(AccessorModel a, String label) {
        AccessorData d = a.getAccessorData();
        if (d instanceof AccessorFloatData f) {
            return f;
        }
        throw new InputException(null, "file", label + ": accessor " + a.getName() + " holds "
                + a.getComponentDataType().getSimpleName() + "s, not floats", "export positions and keys as floats");
    }
}
