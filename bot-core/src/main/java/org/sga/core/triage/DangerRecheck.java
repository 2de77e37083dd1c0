package org.sga.core.triage;

import java.util.Map;
import java.util.Set;

/**
 * Which question is asked again when a message typed during a triage suggests a child may be in danger now, and
 * the answers that make asking again pointless (TRIAGE.md, dialogue rules).
 */
public record DangerRecheck(String question, Set<String> unlessAnswered) {

    public DangerRecheck {
        unlessAnswered = Set.copyOf(unlessAnswered);
    }

    /** Whether the question should be asked again given the answers so far. */
    public boolean needed(Map<String, String> answers) {
        return !unlessAnswered.contains(answers.get(question));
    }
}
