package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short forms of citation lists for running text. */
public final class Citations {

    private Citations() {
    }

    /** {@code Child abuse and Information Technology §0, §5.2}: one title per procedure, then its sections. */
    public static String compact(List<Citation> cites) {
        Map<String, List<String>> byTitle = new LinkedHashMap<>();
        for (Citation c : cites) {
            int mark = c.label().lastIndexOf(" §");
            String title = mark < 0 ? c.label().replace(" (opening paragraph)", "") : c.label().substring(0, mark);
            String section = mark < 0 ? "opening paragraph" : c.label().substring(mark + 1);
            byTitle.computeIfAbsent(title, t -> new ArrayList<>()).add(section);
        }
        List<String> parts = new ArrayList<>();
        byTitle.forEach((title, sections) -> parts.add(title + " " + String.join(", ", sections)));
        return String.join("; ", parts);
    }
}
