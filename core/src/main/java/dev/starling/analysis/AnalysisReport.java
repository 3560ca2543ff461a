package dev.starling.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The analyses of one plan together, as {@code starling risk} prints them; any part may be
 * {@code null} when it was not run (clearance needs a site). {@link #toJson()} writes the same
 * records as JSON ({@code format} {@code starling-analysis/1}); every probability is under a
 * field whose name starts with {@code probability}.
 *
 * @param format      {@value #FORMAT}
 * @param plan        plan name
 * @param drones      fleet size
 * @param showSeconds plan duration, seconds
 * @param site        site name, or null when none was given
 * @param risk        Monte-Carlo contact risk
 * @param battery     energy and reserve
 * @param legibility  how the formations read from the viewpoints
 * @param clearance   distance from the site's structures
 * @param runtimeMs   wall-clock time of all analyses, ms
 */
public record AnalysisReport(String format, String plan, int drones, double showSeconds, String site, RiskReport risk,
                             BatteryReport battery, LegibilityReport legibility, ClearanceReport clearance,
                             double runtimeMs) {
    public static final String FORMAT = "starling-analysis/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as indented JSON (no NaN or infinite numbers occur in it). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The human summaries of the parts that were run, separated by blank lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String sep = "";
        if (risk != null) {
            sb.append(risk.summary());
            sep = "\n";
        }
        if (battery != null) {
            sb.append(sep).append(battery.summary());
            sep = "\n";
        }
        if (legibility != null) {
            sb.append(sep).append(legibility.summary());
            sep = "\n";
        }
        if (clearance != null) {
            sb.append(sep).append(clearance.summary());
        }
        return sb.toString();
    }
}
