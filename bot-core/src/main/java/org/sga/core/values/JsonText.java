package org.sga.core.values;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The flat JSON the core's audit payloads and the tools' output are written as, by hand: no JSON library is worth a
 * dependency for it, and the tools would pay for starting one.
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * A JSON string, or {@code null}. Quotes, backslashes and control characters are escaped, and so are U+2028 and
     * U+2029, which end a line in JavaScript and in some log viewers.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of strings, in the collection's order. */
    public static String array(Collection<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
