package org.sga.core.triage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sga.core.triage.Rules.ActionRule;
import org.sga.core.triage.Rules.OwnerRule;
import org.sga.core.triage.Rules.QuestionRule;
import org.sga.core.triage.Rules.RoleRule;
import org.sga.core.triage.Rules.UrgencyRule;

/** Walks a triage definition: validates answers, gives the next question and the outcome. */
public final class TriageEngine {

    private final TriageDefinition definition;

    /** Refuses a definition that cites a section the catalogue does not have. */
    public TriageEngine(TriageDefinition definition, SectionCatalog sections) {
        Set<String> unknown = new TreeSet<>();
        definition.citations().stream().filter(c -> !sections.contains(c)).forEach(c -> unknown.add(c.id()));
        if (!unknown.isEmpty()) {
            throw new TriageDefinitionException("triage definition cites sections that do not exist: " + unknown, null);
        }
        this.definition = definition;
    }

    /** The engine for the definition shipped on the classpath at {@value TriageDefinition#CLASSPATH_RESOURCE}. */
    public static TriageEngine fromClasspath(SectionCatalog sections) {
        return new TriageEngine(TriageDefinition.fromClasspath(), sections);
    }

    public static TriageEngine fromPath(Path path, SectionCatalog sections) {
        return new TriageEngine(TriageDefinition.load(path), sections);
    }

    public TriageDefinition definition() {
        return definition;
    }

    /**
     * The outcome of the answers given so far (question id to answer value). While answers are missing, only what
     * is already certain is included, and the urgency is the highest still possible.
     *
     * @throws InvalidAnswerException for an unknown question, a question not asked, or a value not in its list
     */
    public TriageOutcome evaluate(Map<String, String> answers) {
        Evaluation evaluation = validated(answers);
        List<ActionGroup> groups = new ArrayList<>();
        for (OwnerRule declared : definition.ownerRules()) {
            // Until it is known that someone else takes over, the declared owner is shown.
            OwnerRule owner = declared.instead() != null && evaluation.test(declared.insteadWhen()) == Truth.TRUE
                    ? declared.instead() : declared;
            List<Action> actions = new ArrayList<>();
            for (ActionRule rule : definition.actionRules()) {
                if (rule.action().owner().equals(declared.id()) && evaluation.test(rule.when()) == Truth.TRUE) {
                    actions.add(rule.action().carriedOutBy(owner.id(), owner.ifUnreachable()));
                }
            }
            if (!actions.isEmpty()) {
                groups.add(new ActionGroup(owner.id(), owner.heading(), owner.noticeHeading(), actions));
            }
        }
        List<EligibleRole> eligible = new ArrayList<>();
        Set<Role> withheld = new TreeSet<>();
        for (RoleRule rule : definition.roleRules()) {
            // A role that might yet be withheld is withheld: the subject of a concern must never receive it.
            boolean withhold = evaluation.test(rule.withholdWhen()) != Truth.FALSE;
            if (withhold) {
                withheld.add(rule.role());
            } else if (evaluation.test(rule.when()) == Truth.TRUE) {
                eligible.add(new EligibleRole(rule.role(), rule.hours()));
            }
        }
        // Until an urgency is ruled out it is assumed, so unfinished answers never understate the urgency.
        UrgencyRule urgency = definition.urgencyRules().stream()
                .filter(u -> evaluation.test(u.when()) != Truth.FALSE)
                .findFirst()
                .orElseThrow();
        String concern = Optional.ofNullable(answers.get(definition.categoryQuestion()))
                .flatMap(definition::categoryLabel)
                .orElse(null);
        return new TriageOutcome(evaluation.answers(), urgency.urgency(), urgency.acknowledgeWithin(), urgency.rounds(),
                groups, eligible, withheld, concern, nextQuestion(evaluation).map(Question::id).orElse(null));
    }

    /** The next question to ask, empty when the answers are complete. */
    public Optional<Question> nextQuestion(Map<String, String> answers) {
        return nextQuestion(validated(answers));
    }

    public Optional<Question> question(String id) {
        return definition.question(id);
    }

    private Optional<Question> nextQuestion(Evaluation evaluation) {
        return definition.questionRules().stream()
                .filter(rule -> !evaluation.answers().containsKey(rule.question().id()))
                .filter(rule -> evaluation.test(rule.askedWhen()) == Truth.TRUE)
                .map(QuestionRule::question)
                .findFirst();
    }

    private Evaluation validated(Map<String, String> answers) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (QuestionRule rule : definition.questionRules()) {
            String id = rule.question().id();
            if (answers.containsKey(id)) {
                String value = answers.get(id);
                List<String> allowed = rule.question().values();
                if (value == null || !allowed.contains(value)) {
                    throw new InvalidAnswerException(id, allowed, "'" + value + "' is not an answer to " + id
                            + "; allowed: " + String.join(", ", allowed));
                }
                ordered.put(id, value);
            }
        }
        for (String id : answers.keySet()) {
            if (!ordered.containsKey(id)) {
                throw new InvalidAnswerException(id, List.of(), "there is no question '" + id + "'; questions: "
                        + String.join(", ", definition.questions().stream().map(Question::id).toList()));
            }
        }
        Evaluation evaluation = new Evaluation(definition, ordered);
        for (QuestionRule rule : definition.questionRules()) {
            if (ordered.containsKey(rule.question().id()) && evaluation.test(rule.askedWhen()) == Truth.FALSE) {
                throw new InvalidAnswerException(rule.question().id(), List.of(), rule.question().id()
                        + " is not asked with these answers (it is asked when " + rule.askedWhen().describe()
                        + "); leave it out");
            }
        }
        return evaluation;
    }

    /** Answers given so far; an unanswered question is unknown unless it will not be asked. */
    private record Evaluation(TriageDefinition definition, Map<String, String> answers)
            implements Condition.Answers {

        Truth test(Condition condition) {
            return condition.test(this);
        }

        @Override
        public Truth answerIn(String question, Set<String> values) {
            String answer = answers.get(question);
            if (answer != null) {
                return Truth.of(values.contains(answer));
            }
            QuestionRule rule = definition.questionRules().stream()
                    .filter(r -> r.question().id().equals(question))
                    .findFirst()
                    .orElseThrow();
            return test(rule.askedWhen()) == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
        }
    }
}
