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

    /** All of the parts, or any of them, as {@code joint} says. */
    record Joined(Joint joint, List<Condition> parts) implements Condition {
        @Override
        public Truth test(Answers answers) {
            Truth result = joint.empty;
            for (Condition part : parts) {
                result = joint.join(result, part.test(answers));
            }
            return result;
        }

        @Override
        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(joint.word, "(", ")"));
        }

        @Override
        public Set<String> questions() {
            return parts.stream().flatMap(p -> p.questions().stream()).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** How a {@link Joined} condition combines its parts; {@code empty} is what it is with none. */
    enum Joint {
        ALL(Truth.TRUE, " and "),
        ANY(Truth.FALSE, " or ");

        private final Truth empty;
        private final String word;

        Joint(Truth empty, String word) {
            this.empty = empty;
            this.word = word;
        }

        Truth join(Truth a, Truth b) {
            return this == ALL ? a.and(b) : a.or(b);
        }
    }

    static Condition all(List<Condition> parts) {
        return new Joined(Joint.ALL, List.copyOf(parts));
    }

    static Condition any(List<Condition> parts) {
        return new Joined(Joint.ANY, List.copyOf(parts));
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
}
