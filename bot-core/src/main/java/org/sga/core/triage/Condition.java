package org.sga.core.triage;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A condition of the triage definition's small language: always, answer-in, flag, all, any, not. */
sealed interface Condition {

    Truth test(Answers answers);

    /** Plain words for error messages, e.g. "concern_about is colleague". */
    String describe();

    /** Questions this condition reads, through flags too. */
    Set<String> questions();

    /** What a condition can ask of the answers given so far. */
    interface Answers {
        Truth answerIn(String question, Set<String> values);
    }

    record Always() implements Condition {
        @Override
        public Truth test(Answers answers) {
            return Truth.TRUE;
        }

        @Override
        public String describe() {
            return "always";
        }

        @Override
        public Set<String> questions() {
            return Set.of();
        }
    }

    record AnswerIn(String question, Set<String> values) implements Condition {
        public AnswerIn {
            values = Set.copyOf(values);
        }

        @Override
        public Truth test(Answers answers) {
            return answers.answerIn(question, values);
        }

        @Override
        public String describe() {
            return question + " is " + values.stream().sorted().collect(Collectors.joining(" or "));
        }

        @Override
        public Set<String> questions() {
            return Set.of(question);
        }
    }

    record Flag(String name, Condition definition) implements Condition {
        @Override
        public Truth test(Answers answers) {
            return definition.test(answers);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public Set<String> questions() {
            return definition.questions();
        }
    }

    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Truth test(Answers answers) {
            Truth result = Truth.TRUE;
            for (Condition part : parts) {
                result = result.and(part.test(answers));
            }
            return result;
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }

        @Override
        public Set<String> questions() {
            return union(parts);
        }
    }

    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Truth test(Answers answers) {
            Truth result = Truth.FALSE;
            for (Condition part : parts) {
                result = result.or(part.test(answers));
            }
            return result;
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }

        @Override
        public Set<String> questions() {
            return union(parts);
        }
    }

    record Not(Condition part) implements Condition {
        @Override
        public Truth test(Answers answers) {
            return part.test(answers).not();
        }

        @Override
        public String describe() {
            return "not " + part.describe();
        }

        @Override
        public Set<String> questions() {
            return part.questions();
        }
    }

    private static Set<String> union(List<Condition> parts) {
        return parts.stream().flatMap(p -> p.questions().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
