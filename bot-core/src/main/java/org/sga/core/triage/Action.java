package org.sga.core.triage;

import java.util.List;

/** Something the procedure requires of the member of staff, in plain words, with the sections it comes from. */
public record Action(String code, String title, String text, List<Citation> cites) {
    public Action {
        cites = List.copyOf(cites);
    }
}
