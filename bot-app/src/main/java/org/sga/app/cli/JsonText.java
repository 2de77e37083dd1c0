package org.sga.app.cli;

/**
 * Writes the few flat JSON values the tools print, without starting Jackson (whose start-up would cost the search
 * tool about half a second of its start-up time).
 */
final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped, everything else as is. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
