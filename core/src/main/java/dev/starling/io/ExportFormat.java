package dev.starling.io;

import dev.starling.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The flight-file formats Starling exports; see {@link Exporter}. */
public enum ExportFormat {
    /** Skybrush compiled show ({@code .skyc}): a ZIP with {@code show.json}, for Skybrush Live and Server. */
    SKYC(".skyc"),
    /** Skybrush CSV: a ZIP of one CSV per drone (time, position, colour sampled at a fixed rate). */
    CSV(".zip"),
    /** Starling's own lossless plan file ({@code starling-plan/1}, see docs/plan-format.md). */
    JSON(".json");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** Parses {@code skyc}, {@code csv} or {@code json} (any case). */
    public static ExportFormat parse(String s) {
        String k = s.trim().toUpperCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.name().equals(k)) {
                return f;
            }
        }
        throw new InputException(null, "unknown export format '" + s + "'", "use one of skyc, csv, json");
    }

    /** Parses a comma-separated list such as {@code skyc,csv}; order kept, duplicates dropped. */
    public static List<ExportFormat> parseList(String s) {
        List<ExportFormat> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ExportFormat f = parse(part);
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new InputException(null, "no export format given", "use one or more of skyc, csv, json, e.g. skyc,csv");
        }
        return out;
    }
}
