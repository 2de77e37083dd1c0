package org.sga.core.conversation;

import java.util.List;

/**
 * What the bot says, independent of platform. Adapters render it (Block Kit, Adaptive Card, console text).
 *
 * @param kind         what sort of reply this is, so adapters can choose a layout
 * @param urgent       a line to show first and prominently (the 999 line), or null
 * @param text         the body: procedure text as published, or the bot's own words
 * @param citation     where the body comes from, or null for the bot's own words without a single source
 * @param seeAlso      other relevant sections
 * @param choices      options the user can pick
 * @param notes        short extra lines (e.g. "I searched the first 1,000 characters")
 * @param checklist    the actions a triage outcome requires, each with its owner, heading and citations, in the order shown
 */
public record Reply(Kind kind, String urgent, String text, Citation citation, List<Citation> seeAlso,
                    List<Choice> choices, List<String> notes, List<ChecklistItem> checklist) {

    /** Reply kinds adapters may lay out differently. */
    public enum Kind { ANSWER, NOT_CONFIDENT, HELP, IMAGE_GUIDANCE, NOTICE, TRIAGE_QUESTION, TRIAGE_OUTCOME }

    public Reply {
        seeAlso = List.copyOf(seeAlso);
        choices = List.copyOf(choices);
        notes = List.copyOf(notes);
        checklist = List.copyOf(checklist);
    }

    public Reply(Kind kind, String urgent, String text, Citation citation, List<Citation> seeAlso, List<Choice> choices,
                 List<String> notes) {
        this(kind, urgent, text, citation, seeAlso, choices, notes, List.of());
    }

    /**
     * One action of a triage outcome: code and owner (TRIAGE.md), the heading of its owner's group ("What you do
     * now"), plain-words title and text, and where it comes from. Consecutive items share their owner's heading.
     */
    public record ChecklistItem(String code, String owner, String heading, String title, String text, List<Citation> cites) {
        public ChecklistItem {
            cites = List.copyOf(cites);
        }
    }

    public static Reply notice(String text) {
        return new Reply(Kind.NOTICE, null, text, null, List.of(), List.of(), List.of());
    }
}
