package org.sga.core.search;

import java.text.Normalizer;

/**
 * Makes user text safe to analyse. Questions are never parsed as Lucene query syntax — they only pass through the
 * analyser — so {@code *:*}, {@code AND}, quotes and brackets are plain words or dropped punctuation.
 */
public final class QueryText {

    private QueryText() {
    }

    /** Normalised (NFKC), control characters replaced by spaces, whitespace collapsed, trimmed. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What search analyses and embeds of a message: {@link #clean} and cut to {@link SectionIndex#MAX_QUERY_CHARS}. */
    public static String searched(String raw) {
        String text = clean(raw);
        return text.length() > SectionIndex.MAX_QUERY_CHARS ? text.substring(0, SectionIndex.MAX_QUERY_CHARS) : text;
    }

    /** True when the text has at least one letter or digit in any script. */
    public static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
