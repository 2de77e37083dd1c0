package org.sga.core.triage;

import java.util.List;

/** One allowed answer: the value the engine uses, the label shown to people and other words accepted for it. */
public record AnswerOption(String value, String label, List<String> synonyms) {
    public AnswerOption {
        synonyms = List.copyOf(synonyms);
    }
}
