package dev.starling.show;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.starling.InputException;
import dev.starling.base.JsonPaths;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a show file ({@code starling-show/1}, documented in
 * {@code docs/show-format.md}) into a {@link Show}.
 *
 * <p>Three steps: a token pass over the JSON text ({@link JsonSource}) that rejects malformed or
 * truncated JSON, duplicate keys and non-finite numbers and remembers where every value starts;
 * strict Jackson binding to records (unknown fields, wrong types and lossy coercions are errors);
 * semantic checks ({@link ShowValidator}). The fleet size is checked on the raw token before
 * anything else, so {@code "drones": 1000000000} is refused at once. Every failure is an
 * {@link InputException} naming the file, the JSON path, the line and column, what was expected
 * and how to fix it. Asset paths are resolved against the show file's folder and must exist.
 *
 * <p>Cost: linear in the file size plus O(drones · geofence vertices) for the takeoff grid check
 * and O(v²) for the geofence's self-intersection check; milliseconds for real shows.
 */
public final class ShowLoader {
    /** Largest show file read, bytes: a show file is a few kilobytes; assets live in their own files. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonSource.FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(c -> c
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private ShowLoader() {
    }

    /**
     * Loads the show file at {@code file}; asset paths in it are relative to its folder and must
     * stay inside it.
     *
     * @throws InputException when the file is missing, unreadable or invalid in any way
     */
    public static Show load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads the show file at {@code file}; asset paths in it are relative to its folder and must
     * lie inside it or inside one of {@code assetsFrom} (the folders given with
     * {@code --assets-from}), symbolic links followed.
     *
     * @throws InputException when the file is missing, unreadable or invalid in any way, or names
     *                        an asset outside those folders
     */
    public static Show load(Path file, List<Path> assetsFrom) {
        String label = file.toString();
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            Path inside = abs.resolve("show.json");
            throw new InputException(label, "this is a folder, not a show file",
                    Files.isRegularFile(inside) ? "did you mean " + file.resolve("show.json") + "?"
                            : "pass the path of a show file (JSON), e.g. shows/hello/show.json");
        }
        if (!Files.isRegularFile(abs)) {
            throw new InputException(label, "show file not found: " + abs,
                    "check the path; the examples are shows/hello/show.json and shows/chongqing/show.json");
        }
        byte[] bytes;
        try {
            long size = Files.size(abs);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(label, "the file is " + (size >> 20) + " MiB; a show file is at most "
                        + (MAX_FILE_BYTES >> 20) + " MiB", "is this really a show file? Put large point sets in a CSV "
                        + "and reference it from a \"points\" formation");
            }
            bytes = Files.readAllBytes(abs);
        } catch (IOException e) {
            throw new InputException(label, "cannot read the show file: " + e.getMessage(), "check the file's permissions");
        }
        return parse(decode(bytes, label), new AssetRoots(abs.getParent(), assetsFrom), label);
    }

    /**
     * Parses and validates a show from its JSON text.
     *
     * @param json      the show file's content
     * @param baseDir   folder that asset paths are relative to
     * @param fileLabel how errors name the file (e.g. its path)
     * @throws InputException when the show is invalid
     */
    public static Show parse(String json, Path baseDir, String fileLabel) {
        return parse(json, AssetRoots.of(baseDir), fileLabel);
    }

    /**
     * Parses and validates a show from its JSON text, its assets resolved against
     * {@code roots.showFolder()} and allowed only inside {@code roots}.
     *
     * @throws InputException when the show is invalid
     */
    public static Show parse(String json, AssetRoots roots, String fileLabel) {
        JsonSource src = JsonSource.scan(fileLabel, json);
        checkFormat(src);
        checkDrones(src);
        ShowFile f = bind(src);
        return new ShowValidator(src, roots).validate(f);
    }

    private static String decode(byte[] bytes, String label) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = start;
            // find the first byte sequence the decoder rejects, to give its line
            var dec = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
            var out = java.nio.CharBuffer.allocate(bytes.length);
            var res = dec.decode(in, out, true);
            if (res.isError()) {
                bad = in.position();
            }
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(label, null, line, 0, "the file is not UTF-8 text (bad byte at offset " + bad + ")",
                    "save the show file as UTF-8; JSON files are UTF-8");
        }
    }

    private static void checkFormat(JsonSource src) {
        JsonSource.Loc l = src.at("format");
        String hint = "the first field of a show file is \"format\": \"" + Show.FORMAT + "\"";
        if (l == null) {
            throw src.error("format", "missing required field \"format\"", "add " + hint.substring(hint.indexOf('"')));
        }
        if (l.token() != JsonToken.VALUE_STRING) {
            throw src.error("format", "expected a string, found " + JsonSource.describe(l.token()), hint);
        }
        String f = l.text();
        if (f.equals(Show.FORMAT)) {
            return;
        }
        if (f.startsWith("starling-show/")) {
            throw src.error("format", "this Starling reads " + Show.FORMAT + ", not \"" + f + "\"",
                    "use a Starling version that reads " + f + ", or rewrite the file as " + Show.FORMAT
                            + " (docs/show-format.md)");
        }
        if (f.startsWith("starling-")) {
            throw src.error("format", "this is a \"" + f + "\" file, not a show file (" + Show.FORMAT + ")",
                    "pass the show file (show.json) here");
        }
        throw src.error("format", "unknown format \"" + f + "\"", hint);
    }

    /** Checks the fleet size on the raw token, before binding or allocating anything per drone. */
    private static void checkDrones(JsonSource src) {
        JsonSource.Loc l = src.at("drones");
        String example = "\"drones\": 64 (the fleet size, 1 to " + Show.MAX_DRONES + ")";
        if (l == null) {
            throw src.error("drones", "missing required field \"drones\"", "add " + example);
        }
        if (l.token() == JsonToken.VALUE_NUMBER_FLOAT) {
            throw src.error("drones", "the fleet size must be a whole number, was " + l.text(), "write e.g. " + example);
        }
        if (l.token() != JsonToken.VALUE_NUMBER_INT) {
            throw src.error("drones", "expected a whole number, found " + JsonSource.describe(l.token()), "write " + example);
        }
        BigInteger n = new BigInteger(l.text());
        if (n.compareTo(BigInteger.valueOf(Show.MAX_DRONES)) > 0) {
            throw src.error("drones", l.text() + " drones is more than the " + Show.MAX_DRONES + " Starling accepts",
                    "split the show into sub-fleets of at most " + Show.MAX_DRONES
                            + " drones (Skybrush Live takes 5000 per file)");
        }
        if (n.signum() <= 0) {
            throw src.error("drones", "the fleet needs at least 1 drone, was " + l.text(), "write " + example);
        }
    }

    private static ShowFile bind(JsonSource src) {
        try {
            return MAPPER.readValue(src.text(), ShowFile.class);
        } catch (UnrecognizedPropertyException e) {
            String parent = JsonPaths.of(e);
            parent = JsonSource.parent(parent) == null ? "" : JsonSource.parent(parent);
            String field = e.getPropertyName();
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                for (Object o : e.getKnownPropertyIds()) {
                    known.add(String.valueOf(o));
                }
            }
            known = inDeclarationOrder(e.getReferringClass(), known);
            String what = objectName(e.getReferringClass());
            String p = JsonSource.child(parent, field);
            JsonSource.Loc key = src.keyAt(p);
            String message = "unknown field \"" + field + "\" in " + what;
            String hint = Suggestions.hint(field, known, "the fields of " + what + " are");
            if (key != null) {
                throw new InputException(src.file(), p, key.line(), key.column(), message, hint);
            }
            return throwAt(src, p, e.getLocation(), message, hint);
        } catch (MismatchedInputException e) {
            String p = JsonPaths.of(e);
            JsonSource.Loc l = src.at(p);
            String found = l == null ? "something else" : JsonSource.describe(l.token())
                    + (l.text() != null && l.token() != JsonToken.VALUE_NULL ? " (" + shorten(l.text()) + ")" : "");
            if (l != null && l.token() == JsonToken.VALUE_STRING && l.text().isEmpty()) {
                found = "an empty string";
            }
            String expected = expected(elementType(e.getTargetType(), p));
            if (l != null && l.token() == JsonToken.VALUE_NUMBER_FLOAT && expected.startsWith("a whole")) {
                return throwAt(src, p, e.getLocation(), "expected a whole number, found " + l.text(),
                        "this field counts things: drop the decimals");
            }
            if (l != null && l.token() == JsonToken.VALUE_NULL) {
                return throwAt(src, p, e.getLocation(), "expected " + expected + ", found null",
                        "write a value, or delete the field if it is optional");
            }
            return throwAt(src, p, e.getLocation(), "expected " + expected + ", found " + found, typeHint(expected, l));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException) {
                String p = JsonPaths.of(e);
                JsonSource.Loc l = src.at(p);
                return throwAt(src, p, e.getLocation(), "the number " + (l == null ? "" : l.text() + " ")
                        + "is too large for this field", "use a whole number up to " + Integer.MAX_VALUE);
            }
            return throwAt(src, JsonPaths.of(e), e.getLocation(), "cannot read this value: " + e.getOriginalMessage(), null);
        } catch (InputCoercionException e) {
            JsonLocation at = e.getLocation();
            String p = at == null ? null : src.pathAt(at.getLineNr(), at.getColumnNr());
            JsonSource.Loc l = p == null ? null : src.at(p);
            return throwAt(src, p, at, "the number " + (l == null ? "" : l.text() + " ") + "is too large for this field",
                    "use a whole number up to " + Integer.MAX_VALUE);
        } catch (StreamReadException e) {
            return throwAt(src, null, e.getLocation(), "malformed JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new InputException(src.file(), "cannot read the show: " + e.getMessage(), null);
        }
    }

    private static ShowFile throwAt(JsonSource src, String path, JsonLocation at, String message, String hint) {
        JsonSource.Loc l = path == null ? null : src.at(path);
        if (l != null) {
            throw src.error(path, message, hint);
        }
        if (at != null && at.getLineNr() > 0) {
            throw new InputException(src.file(), path, at.getLineNr(), at.getColumnNr(), message, hint);
        }
        throw src.error(path == null ? "" : path, message, hint);
    }

    /** How a user calls the object bound to {@code c}. */
    private static String objectName(Class<?> c) {
        if (c == ShowFile.class) {
            return "the show";
        }
        if (c == ShowFile.SceneFile.class) {
            return "a scene";
        }
        if (c == ShowFile.PartFile.class) {
            return "a part";
        }
        if (c == FormationSpec.class) {
            return "a formation";
        }
        if (c == ShowFile.LimitsFile.class) {
            return "\"limits\"";
        }
        if (c == ShowFile.TakeoffFile.class) {
            return "\"takeoff\"";
        }
        if (c == ShowFile.PlacementFile.class) {
            return "\"placement\"";
        }
        if (c == ShowFile.MusicFile.class) {
            return "\"music\"";
        }
        if (c == ShowFile.LandingFile.class) {
            return "\"landing\"";
        }
        return "this object";
    }

    /** The known field names in the order the record declares them (the documentation's order). */
    private static List<String> inDeclarationOrder(Class<?> c, List<String> known) {
        if (c == null || !c.isRecord()) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (var rc : c.getRecordComponents()) {
            if (known.contains(rc.getName())) {
                out.add(rc.getName());
            }
        }
        return out.size() == known.size() ? out : known;
    }

    /** The type of the value at {@code path} when Jackson reports the array type that holds it. */
    private static Class<?> elementType(Class<?> t, String path) {
        int i = path.length();
        while (t != null && t.isArray() && i > 0 && path.charAt(i - 1) == ']') {
            i = path.lastIndexOf('[', i - 1);
            t = t.getComponentType();
        }
        return t;
    }

    private static String expected(Class<?> t) {
        if (t == null) {
            return "another kind of value";
        }
        if (t == Double.class || t == double.class) {
            return "a number";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == String.class) {
            return "a string in double quotes";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == double[].class) {
            return "an array of numbers";
        }
        if (t == double[][].class) {
            return "an array of [x, y] vertices";
        }
        if (List.class.isAssignableFrom(t)) {
            return "an array [ ]";
        }
        return "an object { }";
    }

    private static String typeHint(String expected, JsonSource.Loc found) {
        if (found != null && found.token() == JsonToken.VALUE_STRING
                && (expected.equals("a number") || expected.startsWith("a whole"))) {
            if (found.text().isBlank()) {
                return "write a number (no quotes), or delete the field if it is optional";
            }
            try {
                Double.parseDouble(found.text());
                return "write the number without quotes: " + found.text();
            } catch (NumberFormatException notANumber) {
                return "write a number (no quotes) in the unit of this field; see docs/show-format.md";
            }
        }
        if (expected.equals("a number")) {
            return "write a number in the unit of this field; see docs/show-format.md";
        }
        if (expected.startsWith("a string") && found != null && found.text() != null) {
            return "put the value in double quotes: \"" + found.text() + "\"";
        }
        if (expected.equals("true or false")) {
            return "write true or false, without quotes";
        }
        return "see docs/show-format.md for this field";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
