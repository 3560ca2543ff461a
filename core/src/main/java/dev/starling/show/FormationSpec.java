package dev.starling.show;

import java.util.List;

/**
 * A scene's formation as written in the show file: where its points come from. Which fields apply
 * depends on {@code type}; unused ones are {@code null}. Sizes are metres in the formation's own
 * plane (u to the right, v up) before placement. Paths are relative to the show file.
 *
 * <ul>
 *   <li>{@code text}: {@code text}, {@code height} (metres, of the whole text block), optional
 *       {@code font} (a font file path, or an installed family name; default: the bundled CJK
 *       font), optional {@code mode} ({@code fill} default, or {@code stroke}).</li>
 *   <li>{@code image}: {@code file} (PNG), {@code width} and/or {@code height} (metres; aspect
 *       kept; with both the image fits inside both), optional {@code threshold} (0 ≤ t &lt; 1,
 *       luminance above which a pixel is lit, default 0.5).</li>
 *   <li>{@code svg}: {@code file}, {@code width} and/or {@code height}, optional {@code mode}.</li>
 *   <li>{@code mesh}: {@code file} (OBJ), {@code size} (metres, largest extent).</li>
 *   <li>{@code points}: {@code file} (CSV {@code x,y,z[,r,g,b]}, metres), optional {@code scale}.</li>
 *   <li>{@code shape}: {@code shape} and {@code size} (metres, overall extent), and per shape:
 *       {@code sphere} (diameter size); {@code torus} (outer diameter size, optional
 *       {@code height} = tube diameter, default size/4, below size/2); {@code ring} (a circle of
 *       diameter size; with {@code height}, a filled band that wide); {@code helix} (diameter
 *       size, optional {@code height} default size, {@code turns} default 3); {@code grid}
 *       (size wide, optional {@code height} default size); {@code heart} (size wide, optional
 *       {@code mode}).</li>
 *   <li>{@code frames}: {@code file}, an animation drawn frame by frame that the drones fly
 *       during the hold: a CSV frame sequence {@code frame,id,x,y,z[,r,g,b]} (metres relative to
 *       the centre, show-frame axes, each id one drone) played at {@code fps} (default 24), or a
 *       glTF 2.0 file ({@code .glb}/{@code .gltf}) whose animation (node transforms or morph
 *       targets) moves its mesh's vertices, sampled at its keyframes; {@code count} does not
 *       apply (one drone per id or vertex).</li>
 * </ul>
 *
 * @param type      text | image | svg | mesh | points | shape
 * @param count     lit points wanted; {@code null} means every drone of the fleet is lit
 * @param fps       frames per second of a CSV frame sequence ({@code frames}), or null
 */
public record FormationSpec(
        String type,
        String text,
        String font,
        Double height,
        Double width,
        String file,
        String shape,
        Double size,
        Double turns,
        String mode,
        Double threshold,
        Double scale,
        Integer count,
        Double fps) {

    /** A formation that is not a frame sequence. */
    public FormationSpec(String type, String text, String font, Double height, Double width, String file, String shape,
                         Double size, Double turns, String mode, Double threshold, Double scale, Integer count) {
        this(type, text, font, height, width, file, shape, size, turns, mode, threshold, scale, count, null);
    }

    /** The formation types a show file may name, in documentation order. */
    public static final List<String> TYPES = List.of("text", "image", "svg", "mesh", "points", "shape", "frames");
    /** The parametric shapes of type {@code shape}. */
    public static final List<String> SHAPES = List.of("sphere", "torus", "ring", "helix", "grid", "heart");
    /** Drawing modes of text and SVG: filled area, or outline only. */
    public static final List<String> MODES = List.of("fill", "stroke");

    public static FormationSpec text(String text, Double height) {
        return new FormationSpec("text", text, null, height, null, null, null, null, null, null, null, null, null);
    }

    public static FormationSpec shape(String shape, Double size) {
        return new FormationSpec("shape", null, null, null, null, null, shape, size, null, null, null, null, null);
    }
}
