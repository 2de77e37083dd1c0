package org.sga.core.escalation;

import java.util.Collection;
import java.util.stream.Collectors;

/** The little JSON this package writes by hand for audit payloads; no library is worth a dependency for it. */
final class Json {

    private Json() {
    }

    /** A JSON string, or {@code null}; escapes quotes, backslashes and control characters. */
    static String str(String value) {
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
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String strings(Collection<String> values) {
        return values.stream().map(Json::str).collect(Collectors.joining(",", "[", "]"));
    }
}
