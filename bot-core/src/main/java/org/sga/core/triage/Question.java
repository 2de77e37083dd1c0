package org.sga.core.triage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A triage question as asked in a dialogue: its id, prompt and numbered options. */
public record Question(String id, String prompt, List<AnswerOption> options) {

    public Question {
        options = List.copyOf(options);
    }

    public List<String> values() {
        return options.stream().map(AnswerOption::value).toList();
    }

    /**
     * The value a person meant by what they typed: an option's number from 1, its value, its label or one of
     * its synonyms, ignoring case and surrounding spaces; empty for anything else.
     */
    public Optional<String> match(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String wanted = normalise(typed);
        if (wanted.matches("\\d{1,3}")) {
            int number = Integer.parseInt(wanted);
            return number >= 1 && number <= options.size()
                    ? Optional.of(options.get(number - 1).value())
                    : Optional.empty();
        }
        return options.stream().filter(o -> forms(o).contains(wanted)).map(AnswerOption::value).findFirst();
    }

    static List<String> forms(AnswerOption option) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(option.value(), option.label()), option.synonyms().stream())
                .map(Question::normalise)
                .toList();
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
