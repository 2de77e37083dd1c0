package org.sga.core.conversation;

import java.time.LocalDate;
import org.sga.content.Procedure;
import org.sga.content.Section;

/**
 * Where a piece of text comes from: procedure, section and heading; the procedure's own version and review date (as it
 * states them, or "not stated"), kept apart from the version and review date of the bot's content; the publisher's
 * address and the chapter's own address when the content gives one.
 */
public record Citation(String sectionId, String label, String heading, String version, LocalDate lastReviewed, String source,
                       String procedureVersion, String procedureReviewed, String chapterUrl) {

    /** A citation whose procedure states no version or review date and whose chapter has no address of its own. */
    public Citation(String sectionId, String label, String heading, String version, LocalDate lastReviewed, String source) {
        this(sectionId, label, heading, version, lastReviewed, source, Procedure.NOT_STATED, Procedure.NOT_STATED, null);
    }

    static Citation of(Procedure procedure, Section section) {
        return new Citation(section.globalId(), procedure.citation(section.id()), section.heading(), procedure.version(),
                procedure.lastReviewed(), procedure.source(), procedure.procedureVersion(), procedure.procedureReviewed(),
                procedure.chapterUrl());
    }

    /**
     * {@code Child abuse and Information Technology §4.4 (procedure version: not stated; procedure review date: not
     * stated)}: the procedure's own dates, never the content's.
     */
    public String full() {
        return label + " (procedure version: " + procedureVersion + "; procedure review date: " + procedureReviewed + ")";
    }

    /** {@code Content seed-1, last reviewed 2026-11-28}: the bot's copy, apart from the procedure's own dates. */
    public String content() {
        return "Content " + version + ", last reviewed " + lastReviewed;
    }

    /** The chapter's own address when the content gives one, otherwise the publisher's. */
    public String link() {
        return chapterUrl != null ? chapterUrl : source;
    }
}
