package dev.starling.base;

import dev.starling.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Bounded image reading for every input that is a picture (image formations, image light effects). */
public final class Images {
    /** Largest image accepted, checked from the header before decoding (a decompression bomb guard). */
    public static final long MAX_PIXELS = 40_000_000L;

    private Images() {
    }

    /** Reads an image file (PNG, JPEG, GIF, BMP), refusing huge or unreadable ones with an {@link InputException} on path "file". */
    public static BufferedImage read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InputException(null, "file", file.getFileName() + " is not an image Java can read",
                        "use a PNG (or JPEG, GIF, BMP) image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new InputException(null, "file", file.getFileName() + " is " + w + "×" + h
                            + " pixels, more than the " + MAX_PIXELS / 1_000_000 + " million accepted",
                            "scale the image down: a few hundred pixels across is plenty for a formation");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(null, "file", "cannot read image " + file.getFileName() + ": " + e.getMessage(),
                    "check that the file is a complete, valid PNG");
        }
    }
}
