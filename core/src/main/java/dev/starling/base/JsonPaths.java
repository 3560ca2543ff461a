package dev.starling.base;

import com.fasterxml.jackson.databind.JsonMappingException;

/** JSON paths as Starling's error messages write them, for the readers of show and site files. */
public final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * The JSON path of a Jackson binding error in Starling's notation, field names joined by dots
     * and array indices in brackets: {@code scenes[2].formation.height}; the empty string when the
     * error is at the document's root. O(path length).
     */
    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
