package dev.starling.robustness;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * The long fuzz run: the targets and generators of {@link ReaderFuzzTest}, 25 times the inputs,
 * with a new random seed each run (jqwik prints it, and replays a failure first on the next run).
 * About 25 minutes on this machine; the command is in docs/robustness.md.
 */
@Tag("slow")
class ReaderFuzzLongTest {
    static final int FACTOR = 25;

    @Provide
    Arbitrary<byte[]> showFiles() {
        return ReaderFuzzTest.mutated(ReaderFuzzTest.SHOW_SEEDS);
    }

    @Provide
    Arbitrary<byte[]> skycFiles() {
        return ReaderFuzzTest.mutatedArchive(ReaderFuzzTest.SKYC_SEEDS);
    }

    @Provide
    Arbitrary<byte[]> csvZips() {
        return ReaderFuzzTest.mutatedArchive(ReaderFuzzTest.CSV_ZIP_SEEDS);
    }

    @Provide
    Arbitrary<byte[]> svgFiles() {
        return ReaderFuzzTest.mutated(ReaderFuzzTest.SVG_SEEDS);
    }

    @Provide
    Arbitrary<byte[]> objFiles() {
        return ReaderFuzzTest.mutated(ReaderFuzzTest.OBJ_SEEDS);
    }

    @Provide
    Arbitrary<byte[]> pointFiles() {
        return ReaderFuzzTest.mutated(ReaderFuzzTest.POINTS_SEEDS);
    }

    @Property(tries = ReaderFuzzTest.SHOW_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void showFilesAreAcceptedOrRefused(@ForAll("showFiles") byte[] input) {
        Statistics.collect(ReaderFuzzTest.showFile(input));
    }

    @Property(tries = ReaderFuzzTest.SKYC_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void skycFilesAreAcceptedOrRefused(@ForAll("skycFiles") byte[] input) {
        Statistics.collect(ReaderFuzzTest.skyc(input));
    }

    @Property(tries = ReaderFuzzTest.CSV_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void csvZipsAreAcceptedOrRefused(@ForAll("csvZips") byte[] input) {
        Statistics.collect(ReaderFuzzTest.csvZip(input));
    }

    @Property(tries = ReaderFuzzTest.SVG_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void svgFilesAreAcceptedOrRefused(@ForAll("svgFiles") byte[] input, @ForAll boolean stroke) {
        Statistics.collect(ReaderFuzzTest.svg(input, stroke));
    }

    @Property(tries = ReaderFuzzTest.OBJ_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void objFilesAreAcceptedOrRefused(@ForAll("objFiles") byte[] input) {
        Statistics.collect(ReaderFuzzTest.obj(input));
    }

    @Property(tries = ReaderFuzzTest.POINTS_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void pointFilesAreAcceptedOrRefused(@ForAll("pointFiles") byte[] input) {
        Statistics.collect(ReaderFuzzTest.points(input));
    }

    @Property(tries = ReaderFuzzTest.ASSIGN_TRIES * FACTOR, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void assignPointFilesAreAcceptedOrRefused(@ForAll("pointFiles") byte[] input) {
        Statistics.collect(ReaderFuzzTest.assign(input));
    }
}
