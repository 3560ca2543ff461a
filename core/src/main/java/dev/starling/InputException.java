package dev.starling;

import java.util.Objects;

/**
 * Bad input from a user: a show file, a point CSV, a flight file, a command-line value.
 *
 * <p>Carries where the problem is (file, JSON path or row, line and column when known), what is
 * wrong, and a hint that says how to fix it. The CLI prints {@link #describe()} and exits with
 * code 2; it never shows a stack trace for this type.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final int line;
    private final int column;
    private final String hint;

    /**
     * @param file   the file the input came from, or {@code null} when it did not come from a file
     * @param path   JSON path ({@code scenes[2].formation.height}), CSV row ({@code row 17}) or
     *               similar locator inside the file; {@code null} when the whole file is at fault
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param message what is wrong, in one sentence
     * @param hint   how to fix it, or {@code null}
     */
    public InputException(String file, String path, int line, int column, String message, String hint) {
        super(Objects.requireNonNull(message, "message"));
        this.file = file;
        this.path = path;
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    public InputException(String file, String path, String message, String hint) {
        this(file, path, 0, 0, message, hint);
    }

    public InputException(String file, String message, String hint) {
        this(file, null, 0, 0, message, hint);
    }

    /** Same error, located in {@code newFile} when it had no file yet. */
    public InputException inFile(String newFile) {
        if (file != null) {
            return this;
        }
        InputException e = new InputException(newFile, path, line, column, getMessage(), hint);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * Same error with {@code prefix} put in front of its path, for errors raised inside a nested
     * object: a formation's {@code height} error becomes {@code scenes[2].formation.height}.
     */
    public InputException withPathPrefix(String prefix) {
        String p = path == null || path.isEmpty() ? prefix : prefix + "." + path;
        InputException e = new InputException(file, p, line, column, getMessage(), hint);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /**
     * Same error with {@code fallback} as its hint when it has none: a reader gives every error
     * from its format a way forward (e.g. "export the file again") without repeating it at each
     * place it throws.
     */
    public InputException withDefaultHint(String fallback) {
        if (hint != null && !hint.isEmpty()) {
            return this;
        }
        InputException e = new InputException(file, path, line, column, getMessage(), fallback);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public String file() { return file; }
    public String path() { return path; }
    public int line() { return line; }
    public int column() { return column; }
    public String hint() { return hint; }

    /**
     * The user-facing text: {@code file:line:column: path: message} and, on a second line,
     * {@code hint: ...}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(getMessage());
        if (hint != null && !hint.isEmpty()) {
            sb.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return sb.toString();
    }
}
