package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the bot says, independent of platform. Adapters render it (Block Kit, Adaptive Card, console text) in this
 * order: the urgent line, the guidance cards, the next step, the body and its citation, see-also, the rest.
 *
 * @param kind         what sort of reply this is, so adapters can choose a layout
 * @param urgent       a line to show first and prominently (the 999 line), or null
 * @param text         the body: procedure text as published, or the bot's own words
 * @param citation     where the body comes from, or null for the bot's own words without a single source
 * @param seeAlso      other relevant sections
 * @param choices      options the user can pick
 * @param notes        short extra lines (e.g. "I searched the first 1,000 characters")
 * @param checklist    the actions a triage outcome requires, each with its owner, heading and citations, in the order shown
 * @param guidance     guidance cards that apply, shown after the urgent line and before everything else
 * @param nextStep     the next thing to do, shown just before the quoted section it comes from, or null
 */
public record Reply(Kind kind, String urgent, String text, Citation citation, List<Citation> seeAlso,
                    List<Choice> choices, List<String> notes, List<ChecklistItem> checklist, List<Card> guidance,
                    NextStep nextStep) {

    /**
     * Reply kinds adapters may lay out differently. {@link #CONTINUE_PRIVATELY} is an instruction as much as a reply:
     * show its text where the message was written, then hand the same message to the core again from the person's
     * private chat with the bot (see {@link PrivateChats}).
     */
    public enum Kind { ANSWER, NOT_CONFIDENT, HELP, IMAGE_GUIDANCE, NOTICE, TRIAGE_QUESTION, TRIAGE_OUTCOME,
        CONTINUE_PRIVATELY }

    public Reply {
        seeAlso = List.copyOf(seeAlso);
        choices = List.copyOf(choices);
        notes = List.copyOf(notes);
        checklist = List.copyOf(checklist);
        guidance = List.copyOf(guidance);
    }

    public Reply(Kind kind, String urgent, String text, Citation citation, List<Citation> seeAlso, List<Choice> choices,
                 List<String> notes, List<ChecklistItem> checklist) {
        this(kind, urgent, text, citation, seeAlso, choices, notes, checklist, List.of(), null);
    }

    public Reply(Kind kind, String urgent, String text, Citation citation, List<Citation> seeAlso, List<Choice> choices,
                 List<String> notes) {
        this(kind, urgent, text, citation, seeAlso, choices, notes, List.of());
    }

    /**
     * The checklist as its owners' groups, in the order shown: consecutive items with the same heading form one group,
     * and adapters number the items from 1 within each.
     */
    public List<ChecklistGroup> checklistGroups() {
        List<ChecklistGroup> groups = new ArrayList<>();
        List<ChecklistItem> items = new ArrayList<>();
        for (ChecklistItem item : checklist) {
            if (!items.isEmpty() && !items.getLast().heading().equals(item.heading())) {
                groups.add(new ChecklistGroup(items.getLast().heading(), items));
                items = new ArrayList<>();
            }
            items.add(item);
        }
        if (!items.isEmpty()) {
            groups.add(new ChecklistGroup(items.getLast().heading(), items));
        }
        return List.copyOf(groups);
    }

    /** True when a section of a procedure is quoted as the answer. */
    public boolean answered() {
        return kind == Kind.ANSWER && citation != null;
    }

    /**
     * A guidance card as shown: what to do first, what to do, what never to do, the procedure's sections (cited
     * first), national guidance (labelled as such, with source and year), and who reviewed it when.
     */
    public record Card(String id, String title, String first, String text, String never, List<Citation> procedure,
                       List<String> national, String review) {
        public Card {
            procedure = List.copyOf(procedure);
            national = List.copyOf(national);
        }
    }

    /** The next thing to do, in the bot's words, and the section that says it. */
    public record NextStep(String text, Citation source) {
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

    /** Consecutive checklist items under one heading ("What you do now"). */
    public record ChecklistGroup(String heading, List<ChecklistItem> items) {
        public ChecklistGroup {
            items = List.copyOf(items);
        }
    }

    /** The first line of {@link #fault()}. */
    public static final String FAULT_URGENT = "If a child is in immediate danger, call 999 now.";

    /** The body of {@link #fault()}. */
    public static final String FAULT = "I cannot record or send anything just now because of a fault on my side, so "
            + "what you write here is not recorded and nobody is told through me. If you are reporting a concern, "
            + "phone your designated safeguarding lead now and tell them yourself. Please try me again later.";

    /**
     * The reply when the bot cannot answer or record because of a fault on its side (a store that cannot write, a
     * failure in the core): the person is told, with the phone fallback, rather than met with silence.
     */
    public static Reply fault() {
        return new Reply(Kind.NOTICE, FAULT_URGENT, FAULT, null, List.of(), List.of(), List.of());
    }

    public static Reply notice(String text) {
        return new Reply(Kind.NOTICE, null, text, null, List.of(), List.of(), List.of());
    }
}
