package dev.starling.cli;

import dev.starling.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code starling} command. Exit codes: 0 success, 1 the run failed or the show fails
 * verification, 2 invalid command line or input file.
 */
@Command(name = "starling",
        mixinStandardHelpOptions = true,
        versionProvider = Starling.Version.class,
        description = {
            "Plan, verify, export and preview drone light shows.",
            "",
            "Start with the flagship:",
            "  starling plan shows/chongqing/show.json --out out/chongqing --export skyc,csv",
            ""},
        subcommands = {
            CommandLine.HelpCommand.class,
            PlanCommand.class,
            ValidateCommand.class,
            ExportCommand.class,
            RiskCommand.class,
            RenderCommand.class,
            PreviewCommand.class,
            FormationCommand.class,
            AssignCommand.class,
            WebCommand.class,
        },
        footer = {"", "Exit codes: 0 success, 1 violations or run failed, 2 bad input.",
            "Run 'starling help COMMAND' or 'starling COMMAND --help' for examples."})
public final class Starling implements Runnable {
    /** Exit code when the show fails verification or the run fails. */
    public static final int EXIT_VIOLATIONS = 1;
    /** Exit code for an invalid command line or input file. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(newCommandLine(), out, err, args);
    }

    /** Runs {@code args} on {@code cl} (from {@link #newCommandLine}), whose commands can be asked afterwards. */
    static int run(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler below; an Error would reach the user as a stack trace
            err.println("error: Starling ran out of memory (Java heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB)");
            err.println("  hint: give Java more memory, e.g. STARLING_JAVA_OPTS=-Xmx8g, or make the show smaller");
            err.flush();
            return EXIT_VIOLATIONS;
        } catch (StackOverflowError e) {
            err.println("internal error: stack overflow");
            err.println("  hint: please report it with the command and input that caused it");
            err.flush();
            return EXIT_VIOLATIONS;
        }
    }

    /** The configured command line, with error handling that never shows a user a stack trace. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Starling());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof InputException)) {
                cause = cause.getCause();
            }
            if (cause instanceof InputException ie) {
                err.println("error: " + ie.describe());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof java.io.IOException || cause instanceof java.io.IOException) {
                err.println("error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                err.flush();
                return EXIT_VIOLATIONS;
            }
            err.println("internal error: " + ex);
            if (System.getenv("STARLING_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("  (set STARLING_DEBUG=1 for the stack trace, and please report it)");
            }
            err.flush();
            return EXIT_VIOLATIONS;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Starling.class.getPackage().getImplementationVersion();
            return new String[] {"starling " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
