package dev.starling.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mutations of valid seed files, as jqwik data so that a failing input shrinks to few, small
 * mutations. Byte-level (bit flips, byte sets, deletions, insertions, duplications, truncation,
 * splicing with another seed, repetition) and token-level: a scan that finds quoted strings and
 * number literals (JSON values, XML attributes, OBJ and CSV fields) lets a mutation replace,
 * drop or duplicate whole values, which keeps most of the file well-formed and so reaches the
 * checks behind the parser.
 */
final class Mutator {
    /** Largest mutated input, bytes: big enough for "huge value" cases, small enough to stay fast. */
    static final int MAX_SIZE = 4 << 20;

    /**
     * Well-formed values that break readers: non-finite, extreme, negative, zero and fractional
     * numbers, wrong types, empty and odd strings, references that escape or loop.
     */
    static final String[] VALUES = {
        "NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1e308", "-1e308", "1e-300", "4.9e-324", "1e999",
        "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "0.1", "0.5", "3", "7",
        "64", "100000", "100001", "1000000000", "1e6", "\"\"", "\"x\"", "\" \"", "null", "true", "false", "[]", "{}",
        "[[]]", "[0]", "[0, 0]", "[0, 0, 0]", "[0, 0, 0, 0]", "[[0, 0], [0, 0], [0, 0]]", "{\"$ref\": \"\"}",
        "{\"$ref\": \"./show.json#\"}", "{\"$ref\": \"../x\"}", "{\"$ref\": \"./show.json#/swarm\"}", "\"\\u0000\"",
        "\"\\uD800\"", "\"#GGGGGG\"", "\"#000000\"", "\"../../../../etc/passwd\"", "\"/dev/zero\"", "\"/\"",
        "\".\"", "\"a\\nb\"", "\"\u00e9\u65b0\u97f5\"", "\"stroke\"", "\"fill\"", "\"xy\"", "\"yz\"",
        "\"heart\"", "\"sphere\"", "\"torus\"", "\"helix\"", "\"grid\"", "\"ring\"", "\"text\"", "\"image\"",
        "\"svg\"", "\"mesh\"", "\"points\"", "\"shape\"", "\"AAAA\"", "\"indoor\"",
    };

    /** Syntax and markup fragments inserted between bytes, besides the values. */
    static final String[] SYNTAX = {
        ",", ":", "[", "]", "{", "}", "\"", "\\", "'", "\n", "\r\n", "\t", " ", "#", "//", "/*", "\u00e9", "\uFFFF",
        "<", ">", "&", "&amp;", "&#0;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<g transform=\"scale(0)\">", "</g>",
        "<path d=\"M0 0L1e308 0L0 1e308Z\"/>", "<path d=\"M0 0 A 0 0 0 1 1 0 0\"/>", "transform=\"matrix(0 0 0 0 0 0)\"",
        "fill=\"none\"", "stroke-width=\"1e308\"", "M", "Z", "A", "L", "C", "e", "E", "-", ".",
        "v 0 0 0", "v 1e308 1e308 1e308", "f 1 2 3", "f -1 -2 -3", "f 1 1 1", "f 0 0 0", "f 1/1/1 2//2 3",
        "x,y,z", "0,0,0", "1,1,1,255,255,255", "1,2", ",,,,,,", "Time [msec],x [m],y [m],z [m],Red,Green,Blue",
        "0,0,0,0,0,0,0", "-1000,0,0,0,0,0,0", "1e308,0,0,0,256,-1,0",
    };

    /** One mutation. {@code where} and {@code where2} are positions as fractions of the input. */
    record Op(Kind kind, double where, double where2, int length, int pick) {
    }

    enum Kind {
        BIT_FLIP, SET_BYTE, DELETE, INSERT_RANDOM, INSERT_TOKEN, DUPLICATE, TRUNCATE, SPLICE, REPEAT,
        REPLACE_VALUE, DROP_VALUE, DUPLICATE_VALUE
    }

    private Mutator() {
    }

    /** One to {@code maxOps} mutations. */
    static Arbitrary<List<Op>> ops(int maxOps) {
        // value-level mutations half the time: they keep the file parseable and reach the checks behind
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(Kind.REPLACE_VALUE)), Tuple.of(1, Arbitraries.of(Kind.DROP_VALUE)),
                Tuple.of(1, Arbitraries.of(Kind.DUPLICATE_VALUE)), Tuple.of(8, Arbitraries.of(Kind.class)));
        Arbitrary<Op> op = Combinators.combine(
                kind,
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 256),
                Arbitraries.integers().between(0, 1 << 20)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(maxOps);
    }

    /** {@code seed} after every op in order; {@code others} are splice partners. */
    static byte[] apply(byte[] seed, List<Op> ops, List<byte[]> others) {
        byte[] b = seed;
        for (Op op : ops) {
            b = apply(b, op, others);
            if (b.length > MAX_SIZE) {
                b = Arrays.copyOf(b, MAX_SIZE);
            }
        }
        return b;
    }

    static byte[] apply(byte[] b, Op op, List<byte[]> others) {
        int n = b.length;
        int at = (int) (op.where() * n);
        int len = Math.min(op.length(), Math.max(0, n - at));
        switch (op.kind()) {
            case BIT_FLIP -> {
                if (n == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int i = Math.min(at, n - 1);
                c[i] ^= (byte) (1 << (op.pick() & 7));
                return c;
            }
            case SET_BYTE -> {
                if (n == 0) {
                    return b;
                }
                byte[] c = b.clone();
                c[Math.min(at, n - 1)] = (byte) op.pick();
                return c;
            }
            case DELETE -> {
                return splice(b, at, len, new byte[0]);
            }
            case INSERT_RANDOM -> {
                byte[] r = new byte[op.length()];
                SplittableRandom rnd = new SplittableRandom(op.pick());
                for (int i = 0; i < r.length; i++) {
                    r[i] = (byte) rnd.nextInt(256);
                }
                return splice(b, at, 0, r);
            }
            case INSERT_TOKEN -> {
                return splice(b, at, 0, token(op.pick()));
            }
            case DUPLICATE -> {
                byte[] part = Arrays.copyOfRange(b, at, at + len);
                return splice(b, (int) (op.where2() * n), 0, part);
            }
            case TRUNCATE -> {
                return Arrays.copyOf(b, at);
            }
            case SPLICE -> {
                if (others.isEmpty()) {
                    return b;
                }
                byte[] o = others.get(op.pick() % others.size());
                int from = (int) (op.where2() * o.length);
                byte[] c = Arrays.copyOf(b, at + o.length - from);
                System.arraycopy(o, from, c, at, o.length - from);
                return c;
            }
            case REPEAT -> {
                byte[] part = Arrays.copyOfRange(b, at, at + Math.min(len, 16));
                int times = 1 + op.pick() % 100_000;
                if ((long) part.length * times > MAX_SIZE) {
                    times = MAX_SIZE / Math.max(1, part.length);
                }
                byte[] rep = new byte[part.length * times];
                for (int i = 0; i < times; i++) {
                    System.arraycopy(part, 0, rep, i * part.length, part.length);
                }
                return splice(b, at + part.length, 0, rep);
            }
            case REPLACE_VALUE, DROP_VALUE, DUPLICATE_VALUE -> {
                List<int[]> values = values(b);
                if (values.isEmpty()) {
                    return b;
                }
                int[] v = values.get((int) (op.where() * values.size()) % values.size());
                if (op.kind() == Kind.REPLACE_VALUE) {
                    return splice(b, v[0], v[1] - v[0], VALUES[op.pick() % VALUES.length].getBytes(StandardCharsets.UTF_8));
                }
                if (op.kind() == Kind.DROP_VALUE) {
                    return splice(b, v[0], v[1] - v[0], new byte[0]);
                }
                return splice(b, v[1], 0, concat(new byte[] {','}, Arrays.copyOfRange(b, v[0], v[1])));
            }
            default -> throw new AssertionError(op.kind());
        }
    }

    /** A value or a syntax fragment. */
    static byte[] token(int pick) {
        int k = pick % (VALUES.length + SYNTAX.length);
        return (k < VALUES.length ? VALUES[k] : SYNTAX[k - VALUES.length]).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Start and end offsets of the value tokens of a text: double-quoted strings (with escapes)
     * that are not object keys, number literals, and JSON arrays of numbers. Binary input simply
     * yields odd tokens, which is fine for mutation.
     */
    static List<int[]> values(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int i = 0, n = b.length;
        while (i < n) {
            byte c = b[i];
            if (c == '"') {
                int j = i + 1;
                while (j < n && b[j] != '"') {
                    j += b[j] == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                int k = end;
                while (k < n && (b[k] == ' ' || b[k] == '\n' || b[k] == '\r' || b[k] == '\t')) {
                    k++;
                }
                if (k >= n || b[k] != ':') {
                    out.add(new int[] {i, end});
                }
                i = end;
            } else if (c == '[') {
                // a flat array of numbers ([x, y, z], a vertex) is a value too; its numbers follow
                int j = i + 1;
                while (j < n && b[j] != ']' && b[j] != '[' && b[j] != '{' && b[j] != '"') {
                    j++;
                }
                if (j < n && b[j] == ']') {
                    out.add(new int[] {i, j + 1});
                }
                i++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int j = i + 1;
                while (j < n && ((b[j] >= '0' && b[j] <= '9') || b[j] == '.' || b[j] == 'e' || b[j] == 'E'
                        || b[j] == '+' || b[j] == '-')) {
                    j++;
                }
                out.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        at = Math.max(0, Math.min(at, b.length));
        remove = Math.max(0, Math.min(remove, b.length - at));
        byte[] c = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(insert, 0, c, at, insert.length);
        System.arraycopy(b, at + remove, c, at + insert.length, b.length - at - remove);
        return c;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
