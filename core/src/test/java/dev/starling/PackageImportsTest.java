package dev.starling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package picture stays true: every package's {@code package-info.java} says what it may
 * import ("May import: ..."), every main source file of core, render and cli keeps to it, and the
 * packages form no cycle ({@code io} and its format sub-packages count as one family).
 */
class PackageImportsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> MODULES = List.of("core", "render", "cli");
    private static final Pattern PACKAGE = Pattern.compile("^package (dev\\.starling[\\w.]*);", Pattern.MULTILINE);
    /** Imports and fully qualified references: a Starling package name followed by a class name. */
    private static final Pattern USE = Pattern.compile("\\b(dev\\.starling(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern MAY = Pattern.compile("May import:\\s*([^\\n]*?)\\.\\s*\\n");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([\\w.]+)}");

    @Test
    void everyPackageKeepsToWhatItsPackageInfoAllows() {
        Map<String, Set<String>> uses = uses();
        List<String> wrong = new ArrayList<>();
        for (var e : uses.entrySet()) {
            Set<String> allowed = allowed(e.getKey());
            if (allowed == null) {
                wrong.add(e.getKey() + ": package-info.java with a \"May import:\" line is missing");
                continue;
            }
            for (String u : e.getValue()) {
                if (!allowed.contains(u) && !allowed.contains("*")) {
                    wrong.add(e.getKey() + " imports " + u + ", which its package-info does not allow");
                }
            }
        }
        assertEquals(List.of(), wrong, "change the code, or the package-info if the new edge is right");
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (var e : uses().entrySet()) {
            String from = family(e.getKey());
            for (String to : e.getValue()) {
                if (!family(to).equals(from)) {
                    graph.computeIfAbsent(from, k -> new TreeSet<>()).add(family(to));
                }
            }
        }
        for (String start : graph.keySet()) {
            List<String> cycle = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertTrue(cycle == null, () -> "import cycle: " + String.join(" -> ", cycle));
        }
    }

    /** The packages that use each package's classes (short names: "root", "base", "io.csv"). */
    static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path f : sources()) {
            String text = COMMENT.matcher(read(f)).replaceAll(" "); // a {@link} in a comment is no dependency
            Matcher pm = PACKAGE.matcher(text);
            if (!pm.find() || f.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String pkg = pm.group(1);
            Set<String> mine = uses.computeIfAbsent(shortName(pkg), k -> new TreeSet<>());
            Matcher um = USE.matcher(text.substring(pm.end()));
            while (um.find()) {
                if (!um.group(1).equals(pkg)) {
                    mine.add(shortName(um.group(1)));
                }
            }
        }
        return uses;
    }

    private static Set<String> allowed(String pkg) {
        for (String module : MODULES) {
            Path info = ROOT.resolve(module).resolve("src/main/java")
                    .resolve(("dev.starling" + (pkg.equals("root") ? "" : "." + pkg)).replace('.', '/'))
                    .resolve("package-info.java");
            if (Files.isRegularFile(info)) {
                Matcher m = MAY.matcher(read(info).replace("\n *", "\n").replace("\n ", " ") + "\n");
                if (!m.find()) {
                    return null;
                }
                Set<String> out = new TreeSet<>();
                if (m.group(1).contains("any package")) {
                    out.add("*");
                }
                Matcher c = CODE.matcher(m.group(1));
                while (c.find()) {
                    out.add(c.group(1));
                }
                return out;
            }
        }
        return null;
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph, List<String> path,
                                          Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> c = new ArrayList<>(path);
                c.add(start);
                return c;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> c = cycleFrom(start, next, graph, path, seen);
                if (c != null) {
                    return c;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static String family(String shortName) {
        return shortName.startsWith("io.") ? "io" : shortName;
    }

    private static String shortName(String pkg) {
        return pkg.equals("dev.starling") ? "root" : pkg.substring("dev.starling.".length());
    }

    private static List<Path> sources() {
        List<Path> out = new ArrayList<>();
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
