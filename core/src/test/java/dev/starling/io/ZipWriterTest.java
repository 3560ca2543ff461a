package dev.starling.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives from {@link ZipWriter} read back with both JDK readers (central directory and streaming). */
class ZipWriterTest {
    @TempDir
    Path dir;

    static byte[] text(SplittableRandom rnd, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(i * 250).append(',').append(rnd.nextInt(100000) / 1000.0).append(",7.5,255,0,0\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void assertReadsBack(Path zip, List<String> names, List<byte[]> contents) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            assertEquals(names.size(), zf.size());
            for (int i = 0; i < names.size(); i++) {
                ZipEntry e = zf.getEntry(names.get(i));
                assertArrayEquals(contents.get(i), zf.getInputStream(e).readAllBytes(), names.get(i));
            }
        }
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (int i = 0; i < names.size(); i++) {
                ZipEntry e = zin.getNextEntry();
                assertEquals(names.get(i), e.getName(), "entries keep their order");
                assertArrayEquals(contents.get(i), zin.readAllBytes());
            }
            assertEquals(null, zin.getNextEntry());
        }
    }

    @Test
    void wholeAndChunkedEntriesReadBack() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        byte[] a = text(rnd, 3000);
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < 7; i++) {
            byte[] c = text(rnd, 50 + 400 * i);
            chunks.add(c);
            whole.write(c);
        }
        byte[] empty = new byte[0];
        Path zip = dir.resolve("a.zip");
        try (var out = Files.newOutputStream(zip); ZipWriter zw = new ZipWriter(out)) {
            zw.add("drone-00001.csv", ZipWriter.deflate(a, 0, a.length, 1));
            List<byte[]> parts = new ArrayList<>();
            CRC32 crc = new CRC32();
            for (byte[] c : chunks) {
                parts.add(ZipWriter.deflateChunk(c, 0, c.length, 6));
                crc.update(c);
            }
            parts.add(ZipWriter.finalBlock());
            zw.addParts("show.json", parts, crc.getValue(), whole.size());
            zw.add("empty.txt", ZipWriter.deflate(empty, 0, 0, 9));
        }
        assertReadsBack(zip, List.of("drone-00001.csv", "show.json", "empty.txt"), List.of(a, whole.toByteArray(), empty));
    }

    @Test
    void zip64EndRecordsAreReadable() throws IOException {
        byte[] a = "hello".getBytes(StandardCharsets.US_ASCII);
        Path zip = dir.resolve("z64.zip");
        try (var out = Files.newOutputStream(zip); ZipWriter zw = new ZipWriter(out, true)) {
            zw.add("a.txt", ZipWriter.deflate(a, 0, a.length, 6));
            zw.add("b.txt", ZipWriter.deflate(a, 0, 2, 6));
        }
        assertReadsBack(zip, List.of("a.txt", "b.txt"), List.of(a, "he".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void moreThan65535EntriesUseZip64() throws IOException {
        int n = 65_600;
        Path zip = dir.resolve("many.zip");
        byte[] body = "x".getBytes(StandardCharsets.US_ASCII);
        ZipWriter.Deflated d = ZipWriter.deflate(body, 0, 1, 1);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(zip)); ZipWriter zw = new ZipWriter(out)) {
            for (int i = 0; i < n; i++) {
                zw.add("e" + i, d);
            }
        }
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            assertEquals(n, zf.size());
            assertArrayEquals(body, zf.getInputStream(zf.getEntry("e65599")).readAllBytes());
        }
    }

    static byte[] inflate(ZipWriter.Deflated d) throws java.util.zip.DataFormatException {
        java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
        inf.setInput(d.data(), 0, d.length());
        byte[] out = new byte[(int) d.size() + 16];
        int n = 0;
        while (!inf.finished()) {
            int k = inf.inflate(out, n, out.length - n);
            if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                break;
            }
            n += k;
        }
        assertTrue(inf.finished(), "stream ends with its final block");
        assertEquals(d.length(), d.length() - inf.getRemaining(), "no trailing garbage");
        inf.end();
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void structuredDeflaterStreamsInflateToTheText() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        StructuredDeflater sd = new StructuredDeflater();
        for (int rep = 0; rep < 300; rep++) {
            int n = rep < 3 ? rep : rnd.nextInt(1, 200_000);
            byte[] text = new byte[n];
            int alphabet = rep % 3 == 0 ? 256 : rep % 3 == 1 ? 12 : 2;
            sd.reset();
            int pos = 0;
            while (pos < n) {
                if (pos > 3 && rnd.nextInt(4) == 0) {
                    int dist = 1 + rnd.nextInt(Math.min(pos, 32768));
                    int len = Math.min(n - pos, 3 + rnd.nextInt(rnd.nextBoolean() ? 20 : 700));
                    for (int k = 0; k < len; k++) {
                        text[pos + k] = text[pos + k - dist];
                    }
                    sd.match(pos, len, dist);
                    pos += len;
                } else {
                    int lit = Math.min(n - pos, 1 + rnd.nextInt(30));
                    for (int k = 0; k < lit; k++) {
                        text[pos + k] = (byte) rnd.nextInt(alphabet);
                    }
                    pos += lit;
                }
            }
            ZipWriter.Deflated d = sd.finish(text, n);
            assertArrayEquals(text, inflate(d), "rep " + rep);
            CRC32 crc = new CRC32();
            crc.update(text, 0, n);
            assertEquals(crc.getValue(), d.crc());
            assertEquals(n, d.size());
        }
    }

    @Test
    void structuredDeflaterRefusesAMatchThatIsNotARepeat() {
        byte[] text = "abcabcabX".getBytes(StandardCharsets.US_ASCII);
        StructuredDeflater sd = new StructuredDeflater();
        sd.match(3, 6, 3);
        assertThrows(IllegalStateException.class, () -> sd.finish(text, text.length));
        assertThrows(IllegalArgumentException.class, () -> new StructuredDeflater().match(2, 3, 3), "before the start");
    }

    @Test
    void huffmanLengthsRespectTheLimitAndKraft() {
        // Fibonacci frequencies force an unlimited Huffman tree ~40 deep
        int n = 40;
        int[] freq = new int[n];
        freq[0] = 1;
        freq[1] = 1;
        for (int i = 2; i < n; i++) {
            freq[i] = Math.min(freq[i - 1] + freq[i - 2], 1 << 30);
        }
        for (int limit : new int[] {7, 15}) {
            int[] len = new int[n];
            StructuredDeflater.buildLengths(freq, n, limit, len);
            double kraft = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(len[i] >= 1 && len[i] <= limit, "length " + len[i]);
                kraft += Math.pow(2, -len[i]);
                if (i > 0) {
                    assertTrue(len[i] <= len[i - 1], "more frequent, not longer");
                }
            }
            assertEquals(1.0, kraft, 1e-12, "a complete prefix code");
        }
    }

    @Test
    void sameEntriesGiveSameBytesAndDuplicatesAreRefused() throws IOException {
        byte[] a = text(new SplittableRandom(2), 100);
        byte[][] runs = new byte[2][];
        for (int r = 0; r < 2; r++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipWriter zw = new ZipWriter(out)) {
                zw.add("a", ZipWriter.deflate(a, 0, a.length, 1));
            }
            runs[r] = out.toByteArray();
        }
        assertArrayEquals(runs[0], runs[1]);
        ZipWriter zw = new ZipWriter(new ByteArrayOutputStream());
        zw.add("a", ZipWriter.deflate(a, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> zw.add("a", ZipWriter.deflate(a, 0, 1, 1)));
    }
}
