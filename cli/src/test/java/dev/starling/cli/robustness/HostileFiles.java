package dev.starling.cli.robustness;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Builders of hostile input files: zip bombs, archives with very many entries, lying PNG headers. */
final class HostileFiles {
    private HostileFiles() {
    }

    /** Writes a ZIP of the given entries (name → content), deflated, in the map's order. */
    static void zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    /** A ZIP of {@code count} tiny entries named {@code prefix + i + suffix} holding {@code content}. */
    static void manyEntries(Path file, int count, String prefix, String suffix, byte[] content) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            z.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < count; i++) {
                z.putNextEntry(new ZipEntry(prefix + String.format("%06d", i) + suffix));
                z.write(content);
                z.closeEntry();
            }
        }
    }

    /**
     * A ZIP whose single entry {@code name} inflates to {@code inflated} bytes of {@code fill} (GBs) from
     * a few MB on disk: the deflate stream repeats one byte-aligned block per MiB, so building it
     * costs milliseconds instead of deflating gigabytes. The CRC is left 0: a reader that refuses
     * the bomb never gets to the end where it is checked.
     */
    static void zipBomb(Path file, String name, long inflated, char fill) throws IOException {
        int chunk = 1 << 20;
        byte[] spaces = new byte[chunk];
        Arrays.fill(spaces, (byte) fill);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] first = flushed(d, spaces);
        byte[] repeat = flushed(d, spaces);
        byte[] third = flushed(d, spaces);
        if (!Arrays.equals(repeat, third)) {
            throw new IllegalStateException("deflate blocks of equal input differ; cannot repeat them");
        }
        d.finish();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        while (!d.finished()) {
            tail.write(buf, 0, d.deflate(buf));
        }
        d.end();
        long chunks = inflated / chunk;
        long compressed = first.length + (chunks - 1) * repeat.length + tail.size();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer local = le(30 + nameBytes.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putShort((short) 0).putShort((short) 0x21).putInt(0)
                    .putInt((int) compressed).putInt((int) (chunks * chunk))
                    .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
            out.write(local.array());
            out.write(first);
            for (long i = 1; i < chunks; i++) {
                out.write(repeat);
            }
            tail.writeTo(out);
            long cdOffset = 30L + nameBytes.length + compressed;
            ByteBuffer central = le(46 + nameBytes.length);
            central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt(0)
                    .putInt((int) compressed).putInt((int) (chunks * chunk))
                    .putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(nameBytes);
            out.write(central.array());
            ByteBuffer end = le(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1)
                    .putShort((short) 1).putInt(central.capacity()).putInt((int) cdOffset).putShort((short) 0);
            out.write(end.array());
        }
    }

    private static byte[] flushed(Deflater d, byte[] input) {
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A PNG of {@code w} × {@code h} pixels of one ARGB colour. */
    static byte[] png(int w, int h, int argb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A real 1 × 1 PNG whose header claims {@code w} × {@code h} pixels (with a valid header CRC). */
    static byte[] pngClaiming(int w, int h) throws IOException {
        byte[] b = png(1, 1, 0xFFFFFFFF);
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(16, w).putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        return b;
    }
}
