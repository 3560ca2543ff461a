package dev.starling.formation;

import dev.starling.InputException;
import dev.starling.base.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Image formations (PNG, or any format ImageIO reads): lit pixels form the region, their colours
 * become the drones' colours. The image keeps its aspect ratio: {@code width} or {@code height}
 * in metres sets its size (both: it fits inside both).
 */
public final class ImageSource {
    static final double DEFAULT_THRESHOLD = 0.5;

    private ImageSource() {
    }

    static Shape shape(String fileField, Double width, Double height, Double thresholdField, Path baseDir) {
        Path file = Fields.file(fileField, baseDir, "image");
        if (width == null && height == null) {
            throw new InputException(null, "width", "an image formation needs width or height (metres)",
                    "add \"width\": 80 or \"height\": 40; the image keeps its aspect ratio");
        }
        double threshold = thresholdField == null ? DEFAULT_THRESHOLD : thresholdField;
        if (!(threshold >= 0 && threshold < 1)) {
            throw new InputException(null, "threshold", "threshold must be in 0..1 (below 1), not " + threshold,
                    "pixels with luma above the threshold are lit; 0.5 is the default");
        }
        BufferedImage img = Images.read(file);
        int iw = img.getWidth(), ih = img.getHeight();
        double mpp = Double.POSITIVE_INFINITY;
        if (width != null) {
            mpp = Fields.positive(width, "width", "80") / iw;
        }
        if (height != null) {
            mpp = Math.min(mpp, Fields.positive(height, "height", "40") / ih);
        }
        int[] argb = img.getRGB(0, 0, iw, ih, null, 0, iw);
        int[] lit = ImageRegion.lightUp(argb, threshold);
        if (ImageRegion.count(lit) == 0) {
            throw new InputException(null, "file", "image " + file.getFileName() + " has no lit pixels (alpha above 0 and luma above "
                    + threshold + ")",
                    "lower \"threshold\" (e.g. 0.2), or draw light shapes on a dark or transparent background");
        }
        return new ImageRegion(iw, ih, mpp, lit, String.format(Locale.ROOT, "image %s (%d×%d px), %%s",
                file.getFileName(), iw, ih));
    }
}
