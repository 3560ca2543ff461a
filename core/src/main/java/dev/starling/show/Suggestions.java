package dev.starling.show;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …" for misspelt names: the known names closest to what was written, by
 * case-insensitive Levenshtein distance. Cost O(k·a·b) for k known names of lengths a, b: for
 * the few dozen names of a show file, microseconds.
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known names within a small edit distance of {@code written} (at most a third of its
     * length, at least 1, at most 3), closest first, ties in the order of {@code known}; also
     * names that differ only in case, or that contain or are contained in {@code written}.
     */
    static List<String> closest(String written, Collection<String> known) {
        String w = written.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(w, kl);
            boolean contains = w.length() >= 3 && (kl.contains(w) || w.contains(kl));
            if (d > limit && !contains) {
                continue;
            }
            if (contains && d > limit) {
                d = limit;
            }
            if (d < best) {
                best = d;
                out.clear();
                out.add(k);
            } else if (d == best) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A hint sentence: {@code did you mean "x"? valid: a, b, c} or, when nothing is close,
     * {@code valid: a, b, c}.
     */
    static String hint(String written, Collection<String> known, String what) {
        List<String> near = closest(written, known);
        StringBuilder sb = new StringBuilder();
        if (!near.isEmpty()) {
            sb.append("did you mean ");
            for (int i = 0; i < near.size(); i++) {
                if (i > 0) {
                    sb.append(i == near.size() - 1 ? " or " : ", ");
                }
                sb.append('"').append(near.get(i)).append('"');
            }
            sb.append("? ");
        }
        sb.append(what).append(": ").append(String.join(", ", known));
        return sb.toString();
    }

    /** Levenshtein distance (insert, delete, substitute each cost 1), two rows of memory. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
