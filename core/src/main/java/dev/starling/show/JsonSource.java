package dev.starling.show;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.starling.InputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The first pass over a show file: reads the JSON text once as tokens, rejects what is not
 * well-formed JSON (truncation, syntax, duplicate keys, NaN/Infinity, numbers that overflow a
 * double such as {@code 1e999}) and remembers where each value starts, by JSON path
 * ({@code scenes[2].formation.height}). Checks that run after binding to records ask it for a
 * value's line and column, so every error can point into the file.
 *
 * <p>Cost: one token pass, one small map entry per JSON value; a show file has a few hundred.
 */
final class JsonSource {
    /** Where a value starts (1-based line and character column) and what kind of token it is. */
    record Loc(int line, int column, JsonToken token, String text) {
    }

    /** Objects and arrays nested deeper than this are refused: a show file is a few levels deep. */
    private static final int MAX_DEPTH = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(400)
                    .build())
            .build();

    private final String file;
    private final String text;
    private final Map<String, Loc> locations = new HashMap<>();
    private final Map<String, Loc> keys = new HashMap<>();

    private JsonSource(String file, String text) {
        this.file = file;
        this.text = text;
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** The value at {@code path}, or {@code null} when the file has no value there. */
    Loc at(String path) {
        return locations.get(path);
    }

    /** The key of the field at {@code path} (where {@code "name":} starts), or {@code null}. */
    Loc keyAt(String path) {
        return keys.get(path);
    }

    /** The path of the value that starts at {@code line:column}, or {@code null}. */
    String pathAt(int line, int column) {
        String best = null;
        for (Map.Entry<String, Loc> e : locations.entrySet()) {
            Loc l = e.getValue();
            if (l.line == line && l.column == column && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * An error about the value at {@code path}, located at that value or, when the file has no
     * value there (a missing field), at the nearest enclosing object or array.
     */
    InputException error(String path, String message, String hint) {
        Loc l = null;
        for (String p = path; p != null; p = parent(p)) {
            l = locations.get(p);
            if (l != null) {
                break;
            }
        }
        return new InputException(file, path, l == null ? 0 : l.line, l == null ? 0 : l.column, message, hint);
    }

    /** {@code a.b[2].c} → {@code a.b[2]} → {@code a.b} → {@code a} → {@code ""} → {@code null}. */
    static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** Path of field {@code name} inside the object at {@code path}. */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Path of element {@code i} of the array at {@code path}. */
    static String element(String path, int i) {
        return path + "[" + i + "]";
    }

    /** A container being read: its path, and the keys seen so far (for duplicate detection). */
    private static final class Frame {
        final String path;
        final boolean array;
        final Loc loc;
        int index = -1;
        String name;
        final Map<String, Loc> keys;

        Frame(String path, boolean array, Loc loc) {
            this.path = path;
            this.array = array;
            this.loc = loc;
            this.keys = array ? null : new HashMap<>();
        }
    }

    /**
     * Reads {@code text} and returns its locations.
     *
     * @param file label of the file for error messages
     * @throws InputException for anything that is not one well-formed JSON object with finite numbers
     */
    static JsonSource scan(String file, String text) {
        JsonSource src = new JsonSource(file, text);
        if (text.isBlank()) {
            throw new InputException(file, null, 1, 1, "the file is empty",
                    "a show file is one JSON object: { \"format\": \"" + Show.FORMAT + "\", ... }; see docs/show-format.md");
        }
        Deque<Frame> stack = new ArrayDeque<>();
        JsonParser parser = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                Loc l = loc(p, t);
                throw new InputException(file, null, l.line, l.column,
                        "a show file is one JSON object, but this one starts with " + describe(t),
                        "wrap the show in { ... }: { \"format\": \"" + Show.FORMAT + "\", \"name\": ..., ... }");
            }
            while (t != null) {
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Loc here = loc(p, t);
                    Loc first = top.keys.putIfAbsent(name, here);
                    if (first != null) {
                        throw new InputException(file, child(top.path, name), here.line, here.column,
                                "duplicate key \"" + name + "\" (first given at line " + first.line
                                        + ", column " + first.column + ")",
                                "each key may appear once per object: keep one \"" + name + "\" and delete the other");
                    }
                    top.name = name;
                    src.keys.put(child(top.path, name), here);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    if (stack.isEmpty()) {
                        JsonToken after = p.nextToken();
                        if (after != null) {
                            Loc l = loc(p, after);
                            throw new InputException(file, null, l.line, l.column,
                                    "unexpected content (" + describe(after) + ") after the end of the show object",
                                    "a show file holds exactly one JSON object; delete what follows its closing }");
                        }
                        break;
                    }
                } else {
                    String path;
                    if (top == null) {
                        path = "";
                    } else if (top.array) {
                        top.index++;
                        path = element(top.path, top.index);
                    } else {
                        path = child(top.path, top.name);
                    }
                    Loc l = loc(p, t);
                    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                        if (!Double.isFinite(p.getDoubleValue())) {
                            throw new InputException(file, path, l.line, l.column,
                                    "the number " + abbreviate(p.getText()) + " is too large: it is infinite as a double",
                                    "use a finite number in the unit this field takes (metres, seconds, m/s)");
                        }
                    }
                    src.locations.put(path, l);
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY, l));
                    }
                }
                t = p.nextToken();
            }
        } catch (JsonEOFException e) {
            Frame open = stack.peek();
            JsonLocation at = e.getLocation();
            String where = open == null ? "" : " (the " + (open.array ? "array" : "object")
                    + (open.path.isEmpty() ? "" : " \"" + open.path + "\"") + " opened at line "
                    + open.loc.line + ", column " + open.loc.column + " is not closed)";
            throw new InputException(file, open == null ? null : open.path, at.getLineNr(), at.getColumnNr(),
                    "the file ends before the JSON is complete" + where,
                    "the file looks truncated: restore its end, or close every open \" { and [");
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            Frame top = stack.peek();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String path = top == null ? null : top.path;
            if (top != null && parser != null && msg.startsWith("Non-standard token")) {
                // NaN or Infinity where a value belongs: name the value's own path. The parser reads
                // a value together with its key, so its context (not our frame) knows the key.
                JsonStreamContext ctx = parser.getParsingContext();
                if (ctx.inObject() && ctx.getCurrentName() != null) {
                    path = child(top.path, ctx.getCurrentName());
                } else if (ctx.inArray()) {
                    path = element(top.path, Math.max(0, ctx.getCurrentIndex()));
                }
            }
            throw new InputException(file, path,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    msg.startsWith("Non-standard token")
                            ? clean(msg).substring("Non-standard token ".length()) + " is not a number JSON allows"
                            : "malformed JSON: " + clean(msg),
                    syntaxHint(msg));
        } catch (StreamConstraintsException e) {
            // Nesting too deep or a number too long: located like a syntax error, at the value's path.
            Frame top = stack.peek();
            String path = top == null ? null : top.path;
            JsonLocation at = parser == null ? null : parser.currentLocation();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            boolean nesting = msg.startsWith("Document nesting depth");
            if (top != null && parser != null && !nesting) {
                JsonStreamContext ctx = parser.getParsingContext();
                if (ctx.inObject() && ctx.getCurrentName() != null) {
                    path = child(top.path, ctx.getCurrentName());
                } else if (ctx.inArray()) {
                    path = element(top.path, Math.max(0, ctx.getCurrentIndex()));
                }
            }
            throw new InputException(file, path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    nesting ? "objects and arrays are nested more than " + MAX_DEPTH + " levels deep"
                            : "a value too long to read: " + msg.replaceAll(", from `[^`]*`", ""),
                    nesting ? "a show file is a few levels deep: look for stray [ or { brackets"
                            : "shorten it: a number needs at most 17 significant digits");
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read the JSON: " + e.getMessage(), null);
        }
        return src;
    }

    /**
     * Where the current token starts, with its text. A string's text is decoded here, so a raw
     * control character in it fails here, as malformed JSON: swallowed, it left the value's text
     * null and a later check threw NullPointerException.
     */
    private static Loc loc(JsonParser p, JsonToken t) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        boolean scalar = t != null && t.isScalarValue();
        String text = scalar ? p.getText() : null;
        return new Loc(l.getLineNr(), l.getColumnNr(), t, text);
    }

    /** Words for a token kind, as a user would say them. */
    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object { }";
            case START_ARRAY -> "an array [ ]";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** Jackson's message without its source excerpt and without advice to enable parser features. */
    private static String clean(String m) {
        if (m == null) {
            return "unreadable JSON";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int feature = m.indexOf(": enable ");
        if (feature >= 0) {
            m = m.substring(0, feature);
        }
        int since = m.indexOf(" (not recognized as one since");
        if (since >= 0) {
            m = m.substring(0, since);
        }
        int inst = m.indexOf("; instead");
        if (inst >= 0) {
            m = m.substring(0, inst);
        }
        return m.trim();
    }

    private static String syntaxHint(String m) {
        String s = m == null ? "" : m;
        if (s.contains("NaN") || s.contains("Infinity") || s.contains("INF")) {
            return "NaN and Infinity are not JSON numbers and no show value can be infinite: write a finite number";
        }
        if (s.contains("comment")) {
            return "JSON has no comments: delete the comment";
        }
        if (s.contains("(''' (code 39))")) {
            return "JSON strings and keys use double quotes: \"like this\"";
        }
        if (s.contains("double-quote to start field name")) {
            return "keys need double quotes, and there must be no comma before a closing }";
        }
        if (s.contains("comma to separate")) {
            return "a comma is missing between two entries just before this point";
        }
        if (s.contains("Unrecognized token")) {
            return "text values need double quotes; the only bare words JSON knows are true, false and null";
        }
        if (s.contains("Leading zero") || s.contains("leading zero")) {
            return "write numbers without leading zeros: 7, not 07";
        }
        if (s.contains("control character") || s.contains("CTRL-CHAR")) {
            return "a string contains a raw line break or tab: write it as \\n or \\t";
        }
        return "look just before this point for a missing comma, colon, quote or bracket, or an extra comma before } or ]";
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 12) + "…" + s.substring(s.length() - 8) + " (" + s.length() + " characters)";
    }
}
