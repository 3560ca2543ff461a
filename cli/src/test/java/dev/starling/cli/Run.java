package dev.starling.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Exit code, stdout and stderr of one in-process {@code starling} run, as the CLI tests of this
 * package capture it: {@code import static dev.starling.cli.Run.run;} then {@code run("validate", ...)}.
 */
record Run(int code, String out, String err) {
    /** Runs {@link Starling#run} with {@code args}, capturing both streams. */
    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Starling.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
