package dev.starling.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.Ramp;
import dev.starling.light.effect.Timing;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A light effect as the plan records it: its type, when it plays (show seconds, cut to its
 * scene's hold) and its parameters as canonical JSON text (what a viewer shows and a re-plan
 * reads; pictures, frames and keyframes are named by file, not copied).
 *
 * @param type  the effect type ({@code "sweep"})
 * @param start show time it starts, seconds
 * @param end   show time it ends, seconds
 * @param spec  compact JSON object of its parameters
 */
public record EffectSpan(String type, double start, double end, String spec) {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The spans of {@code effects} in a hold from {@code holdStart} to {@code holdEnd}. */
    public static List<EffectSpan> of(List<Effect> effects, double holdStart, double holdEnd) {
        List<EffectSpan> out = new ArrayList<>(effects.size());
        for (Effect e : effects) {
            double[] span = e.timing().resolve(holdStart, holdEnd);
            out.add(new EffectSpan(e.type(), span[0], Math.max(span[0], span[1]), spec(e)));
        }
        return out;
    }

    /** The canonical JSON of an effect's parameters. */
    static String spec(Effect e) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", e.type());
            Timing t = e.timing();
            g.writeStringField("blend", t.blend().written());
            g.writeNumberField("opacity", t.opacity());
            g.writeNumberField("fadeIn", t.fadeIn());
            g.writeNumberField("fadeOut", t.fadeOut());
            if (e instanceof Effect.Solid s) {
                g.writeStringField("color", hex(s.color()));
            } else if (e instanceof Effect.Gradient gr) {
                ramp(g, gr.ramp());
                if (gr.radial()) {
                    g.writeBooleanField("radial", true);
                    if (gr.center() != null) {
                        g.writeArrayFieldStart("center");
                        for (double v : gr.center()) {
                            g.writeNumber(v);
                        }
                        g.writeEndArray();
                    }
                    if (!Double.isNaN(gr.radius())) {
                        g.writeNumberField("radius", gr.radius());
                    }
                } else {
                    g.writeStringField("axis", gr.axis().written());
                }
            } else if (e instanceof Effect.Sweep s) {
                ramp(g, s.ramp());
                g.writeStringField("axis", s.axis().written());
                g.writeStringField("period", s.period().written());
                if (!Double.isNaN(s.wavelength())) {
                    g.writeNumberField("wavelength", s.wavelength());
                }
            } else if (e instanceof Effect.Image im) {
                g.writeStringField("file", im.file());
                g.writeStringField("view", im.view());
            } else if (e instanceof Effect.Video v) {
                g.writeStringField("file", v.file());
                g.writeStringField("view", v.view());
                g.writeNumberField("fps", v.frames().fps());
                g.writeBooleanField("loop", v.loop());
            } else if (e instanceof Effect.Pulse p) {
                if (p.rate().kind() == dev.starling.light.effect.Tempo.Kind.SECONDS) {
                    g.writeNumberField("rate", 1 / p.rate().seconds());
                } else {
                    g.writeStringField("rate", p.rate().written());
                }
                g.writeNumberField("low", p.low());
                g.writeNumberField("width", p.width());
                g.writeStringField("shape", p.shape());
            } else if (e instanceof Effect.Sparkle s) {
                g.writeStringField("color", hex(s.color()));
                g.writeNumberField("seed", s.seed());
                g.writeNumberField("rate", s.rate());
                g.writeNumberField("length", s.length());
            } else if (e instanceof Effect.Keyframes k) {
                g.writeStringField("file", k.file());
                g.writeBooleanField("step", k.step());
            }
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return w.toString();
    }

    private static void ramp(JsonGenerator g, Ramp r) throws IOException {
        g.writeArrayFieldStart("colors");
        for (int c : r.colors()) {
            g.writeString(hex(c));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("stops");
        for (double p : r.positions()) {
            g.writeNumber(p);
        }
        g.writeEndArray();
    }

    static String hex(int c) {
        return String.format("#%06X", c & 0xFFFFFF);
    }
}
