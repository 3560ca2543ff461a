package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.cli.Starling;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every subcommand's --help prints cleanly: exit 0, examples, and no picocli warning. */
class HelpTest {
    static Stream<String> subcommands() {
        return Starling.newCommandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @ParameterizedTest(name = "starling {0} --help")
    @MethodSource("subcommands")
    void helpPrintsWithoutWarnings(String command) {
        // picocli's own warnings go to System.err, not to the command line's writers
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream sysErr = new java.io.ByteArrayOutputStream();
        Cli.Run r;
        synchronized (System.class) {
            System.setErr(new java.io.PrintStream(sysErr, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                r = Cli.run(command, "--help");
            } finally {
                System.setErr(saved);
            }
        }
        String warnings = sysErr.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, r.code(), r::all);
        assertFalse(r.all().contains("WARN") || warnings.contains("WARN"),
                () -> "picocli warns while printing the help:\n" + warnings + r.all());
        assertFalse(r.out().contains("%n"), () -> "an unformatted %n in the help:\n" + r.out());
        assertTrue(r.out().contains("starling " + command), () -> "the help shows example commands:\n" + r.out());
    }
}
