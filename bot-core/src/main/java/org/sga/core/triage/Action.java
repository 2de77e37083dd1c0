package org.sga.core.triage;

import java.util.List;

/**
 * Something the procedure requires, in plain words, with the sections it comes from, and who carries it out:
 * {@code reporter}, {@code safeguarding_lead} ({@code allegations_officer} when the DSL is the subject) or
 * {@code police}, as in {@code TRIAGE.md}.
 */
public record Action(String code, String owner, String title, String text, List<Citation> cites) {
    public Action {
        cites = List.copyOf(cites);
    }

    /** The same action carried out by {@code newOwner}, with {@code addedText} after its own text (none when null). */
    Action carriedOutBy(String newOwner, String addedText) {
        return new Action(code, newOwner, title, addedText == null ? text : text + " " + addedText, cites);
    }
}
