package org.sga.core.conversation;

import java.time.LocalDate;
import org.sga.content.Procedure;
import org.sga.content.Section;

/** Where a piece of text comes from: procedure, section, version and review date, and the published source. */
public record Citation(String sectionId, String label, String heading, String version, LocalDate lastReviewed, String source) {

    static Citation of(Procedure procedure, Section section) {
        return new Citation(section.globalId(), procedure.citation(section.id()), section.heading(), procedure.version(),
                procedure.lastReviewed(), procedure.source());
    }

    /** {@code Child abuse and Information Technology §4.4 (version seed-1, reviewed 2026-11-28)}. */
    public String full() {
        return label + " (version " + version + ", reviewed " + lastReviewed + ")";
    }
}
