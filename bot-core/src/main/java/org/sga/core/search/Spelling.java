package org.sga.core.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Corrects a misspelt word against the index's own vocabulary ("polcie" → "polic"), so staff typos still find. */
final class Spelling {

    /** Marks a corrected form in an expansion set; corrected forms count a little less than exact ones. */
    static final String CORRECTED = "~";

    private Spelling() {
    }

    /** Vocabulary terms within one edit (two for long words) of the word; none for short words, which are too ambiguous. */
    static List<String> closest(String word, Collection<String> vocabulary) {
        if (word.length() < 4 || word.chars().anyMatch(Character::isDigit)) {
            return List.of();
        }
        int maxEdits = word.length() >= 7 ? 2 : 1;
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String term : vocabulary) {
            if (Math.abs(term.length() - word.length()) > maxEdits || term.length() < 4) {
                continue;
            }
            int d = distance(word, term, maxEdits);
            if (d <= maxEdits) {
                if (d < best) {
                    best = d;
                    found.clear();
                }
                if (d == best) {
                    found.add(term);
                }
            }
        }
        return found.size() <= 3 ? found : List.of();
    }

    /** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), capped. */
    static int distance(String a, String b, int cap) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
