package dev.starling.analysis;

/** Column layout for the human tables: widths in terminal cells, where CJK characters take two. */
final class Text {
    private Text() {
    }

    /** Terminal cells of code point {@code cp}: 2 for East Asian wide and full-width forms, else 1. */
    static int cells(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    /** Terminal cells of {@code s}. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cells(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * {@code s} left-aligned in exactly {@code width} cells: padded with spaces, or cut with an
     * ellipsis when it does not fit.
     */
    static String pad(String s, int width) {
        if (width(s) <= width) {
            return s + " ".repeat(width - width(s));
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (w + cells(cp) > width - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cells(cp);
            i += Character.charCount(cp);
        }
        sb.append('…');
        w++;
        return sb.append(" ".repeat(width - w)).toString();
    }
}
