package org.sga.core.triage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sga.core.triage.Rules.ActionRule;
import org.sga.core.triage.Rules.OwnerRule;
import org.sga.core.triage.Rules.QuestionRule;
import org.sga.core.triage.Rules.RoleRule;
import org.sga.core.triage.Rules.UrgencyRule;
import org.sga.core.yaml.YamlNode;

/** Turns the YAML tree of a triage definition into rules, refusing anything ambiguous or dangling. */
final class TriageDefinitionReader {

    private static final String ID = "[a-z][a-z0-9_]*";
    private static final String CODE = "[A-Z][A-Z0-9_]*";

    private final YamlNode root;
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, Condition> flags = new LinkedHashMap<>();

    TriageDefinitionReader(YamlNode root) {
        this.root = root;
    }

    TriageDefinition read() {
        root.allowOnly(Set.of("document", "answer_sets", "questions", "flags", "owners", "actions", "roles", "urgency",
                "danger_recheck", "categories"));
        String document = root.get("document").text();
        List<QuestionRule> questionRules = readQuestions(readAnswerSets());
        root.get("flags").entries().forEach((name, node) -> {
            if (!name.matches(ID)) {
                throw node.problem("a flag name is lower case letters, digits and _");
            }
            flags.put(name, new Condition.Flag(name, condition(node)));
        });
        List<OwnerRule> owners = readOwners();
        List<ActionRule> actions = readActions(document, owners);
        List<RoleRule> roles = readRoles();
        List<UrgencyRule> urgencies = readUrgencies();
        DangerRecheck dangerRecheck = readDangerRecheck();
        YamlNode categories = root.get("categories").allowOnly(Set.of("question", "labels"));
        String categoryQuestion = categories.get("question").text();
        Question category = questions.get(categoryQuestion);
        if (category == null) {
            throw categories.get("question").problem("no question '" + categoryQuestion + "'");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        categories.get("labels").entries().forEach((value, node) -> {
            requireValue(category, value, node);
            labels.put(value, node.text());
        });
        for (String value : category.values()) {
            if (!labels.containsKey(value)) {
                throw categories.get("labels").problem("no label for '" + value + "'");
            }
        }
        return new TriageDefinition(document, questionRules, owners, actions, roles, urgencies, dangerRecheck,
                categoryQuestion, labels);
    }

    private Map<String, List<AnswerOption>> readAnswerSets() {
        Map<String, List<AnswerOption>> sets = new HashMap<>();
        root.get("answer_sets").entries().forEach((name, node) -> sets.put(name, options(node)));
        return sets;
    }

    private List<QuestionRule> readQuestions(Map<String, List<AnswerOption>> answerSets) {
        List<QuestionRule> rules = new ArrayList<>();
        List<YamlNode> items = root.get("questions").items();
        if (items.isEmpty()) {
            throw root.get("questions").problem("missing");
        }
        for (YamlNode node : items) {
            node.allowOnly(Set.of("id", "prompt", "asked_when", "answers"));
            String id = node.get("id").text();
            if (!id.matches(ID)) {
                throw node.get("id").problem("a question id is lower case letters, digits and _");
            }
            if (questions.containsKey(id)) {
                throw node.get("id").problem("duplicate question '" + id + "'");
            }
            YamlNode answers = node.get("answers");
            List<AnswerOption> options;
            if (answers.isText()) {
                options = answerSets.get(answers.text());
                if (options == null) {
                    throw answers.problem("no answer set '" + answers.text() + "' (sets: " + answerSets.keySet() + ")");
                }
            } else {
                options = options(answers);
            }
            // Only earlier questions may decide whether this one is asked, so the dialogue can go in order.
            Condition askedWhen = condition(node.get("asked_when"));
            Question question = new Question(id, node.get("prompt").text(), options);
            questions.put(id, question);
            rules.add(new QuestionRule(question, askedWhen));
        }
        return rules;
    }

    private List<AnswerOption> options(YamlNode list) {
        if (!list.isList() || list.items().isEmpty()) {
            throw list.problem("expected a list of answers or the name of an answer set");
        }
        List<AnswerOption> options = new ArrayList<>();
        Map<String, String> forms = new HashMap<>();
        for (YamlNode node : list.items()) {
            node.allowOnly(Set.of("value", "label", "accepts"));
            String value = node.get("value").text();
            if (!value.matches(ID)) {
                throw node.get("value").problem("an answer value is lower case letters, digits and _");
            }
            AnswerOption option = new AnswerOption(value, node.get("label").text(), node.get("accepts").texts());
            for (String form : Question.forms(option)) {
                if (form.matches("\\d+")) {
                    throw node.problem("'" + form + "' would be read as an option number");
                }
                String before = forms.putIfAbsent(form, value);
                if (before != null && !before.equals(value)) {
                    throw node.problem("'" + form + "' would mean both '" + before + "' and '" + value + "'");
                }
            }
            options.add(option);
        }
        return options;
    }

    private List<OwnerRule> readOwners() {
        List<OwnerRule> owners = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<YamlNode> items = root.get("owners").items();
        if (items.isEmpty()) {
            throw root.get("owners").problem("missing");
        }
        for (YamlNode node : items) {
            node.allowOnly(Set.of("id", "heading", "notice_heading", "if_unreachable", "instead"));
            OwnerRule instead = null;
            Condition insteadWhen = Condition.any(List.of());
            YamlNode insteadNode = node.get("instead");
            if (insteadNode.isPresent()) {
                insteadNode.allowOnly(Set.of("when", "id", "heading", "notice_heading", "if_unreachable"));
                if (!insteadNode.get("when").isPresent()) {
                    throw insteadNode.get("when").problem("missing (when does someone else carry these actions out?)");
                }
                insteadWhen = condition(insteadNode.get("when"));
                instead = owner(insteadNode, ids, null, Condition.any(List.of()));
            }
            owners.add(owner(node, ids, instead, insteadWhen));
        }
        return owners;
    }

    private static OwnerRule owner(YamlNode node, Set<String> ids, OwnerRule instead, Condition insteadWhen) {
        String id = node.get("id").text();
        if (!id.matches(ID) || !ids.add(id)) {
            throw node.get("id").problem("'" + id + "' is not a new owner id in lower case letters, digits and _");
        }
        return new OwnerRule(id, node.get("heading").text(), node.get("notice_heading").text(),
                node.get("if_unreachable").optionalText().orElse(null), insteadWhen, instead);
    }

    private List<ActionRule> readActions(String document, List<OwnerRule> owners) {
        List<ActionRule> rules = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        List<String> ownerIds = owners.stream().map(OwnerRule::id).toList();
        for (YamlNode node : root.get("actions").items()) {
            node.allowOnly(Set.of("code", "owner", "title", "text", "when", "cites"));
            String code = node.get("code").text();
            if (!code.matches(CODE) || !codes.add(code)) {
                throw node.get("code").problem("'" + code + "' is not a new code in upper case letters, digits and _");
            }
            YamlNode ownerNode = node.get("owner");
            String owner = ownerNode.text();
            if (!ownerIds.contains(owner)) {
                throw ownerNode.problem("unknown owner '" + owner + "' (owners: " + String.join(", ", ownerIds) + ")");
            }
            List<Citation> cites = new ArrayList<>();
            for (YamlNode cite : node.get("cites").items()) {
                Citation citation = Citation.parse(cite.text())
                        .orElseThrow(() -> cite.problem("'" + cite.text() + "' is not of the form "
                                + document + "#4.4"));
                cites.add(citation);
            }
            if (cites.isEmpty()) {
                throw node.get("cites").problem("an action cites at least one section");
            }
            Action action = new Action(code, owner, node.get("title").text(), node.get("text").text(), cites);
            rules.add(new ActionRule(action, condition(node.get("when"))));
        }
        if (rules.isEmpty()) {
            throw root.get("actions").problem("missing");
        }
        return rules;
    }

    /**
     * Reads the list {@code key}, whose entries allow only the keys {@code allowed} and name a constant of {@code type}
     * under the first of them, through {@code named} (which refuses an unknown name); a constant named again is a
     * problem ({@code twice}, with the name). {@code read} is given each entry in turn; returns the constants named.
     */
    private <E extends Enum<E>> Set<E> onePerConstant(String key, List<String> allowed, Class<E> type,
            Function<YamlNode, E> named, String twice, BiConsumer<E, YamlNode> read) {
        Set<E> seen = EnumSet.noneOf(type);
        for (YamlNode node : root.get(key).items()) {
            node.allowOnly(allowed);
            YamlNode name = node.get(allowed.getFirst());
            E constant = named.apply(name);
            if (!seen.add(constant)) {
                throw name.problem(twice.formatted(name.text()));
            }
            read.accept(constant, node);
        }
        return seen;
    }

    private List<RoleRule> readRoles() {
        List<RoleRule> rules = new ArrayList<>();
        Set<Role> seen = onePerConstant("roles", List.of("role", "when", "withhold_when", "hours"), Role.class,
                name -> Role.fromId(name.text()).orElseThrow(() -> name.problem("unknown role '" + name.text()
                        + "' (roles: " + List.of(Role.values()) + ")")),
                "role '%s' is defined twice", (role, node) -> {
                    YamlNode hoursNode = node.get("hours");
                    Hours hours = hoursNode.isPresent()
                            ? Hours.fromId(hoursNode.text()).orElseThrow(() -> hoursNode.problem("expected any, inside or outside"))
                            : Hours.ANY;
                    YamlNode withhold = node.get("withhold_when");
                    Condition withholdWhen = withhold.isPresent() ? condition(withhold) : Condition.any(List.of());
                    rules.add(new RoleRule(role, condition(node.get("when")), withholdWhen, hours));
                });
        for (Role role : Role.values()) {
            if (!seen.contains(role)) {
                throw root.get("roles").problem("role '" + role.id() + "' is not defined");
            }
        }
        return rules;
    }

    private List<UrgencyRule> readUrgencies() {
        List<UrgencyRule> rules = new ArrayList<>();
        Set<Urgency> seen = onePerConstant("urgency", List.of("level", "when", "acknowledge_within", "rounds"),
                Urgency.class, level -> {
                    try {
                        return Urgency.valueOf(level.text());
                    } catch (IllegalArgumentException e) {
                        throw level.problem("unknown urgency '" + level.text() + "' (urgencies: "
                                + List.of(Urgency.values()) + ")");
                    }
                },
                "urgency %s is defined twice", (urgency, node) -> {
                    YamlNode rounds = node.get("rounds");
                    int count;
                    try {
                        count = Integer.parseInt(rounds.text());
                    } catch (NumberFormatException e) {
                        throw rounds.problem("'" + rounds.text() + "' is not a whole number");
                    }
                    if (count < 0) {
                        throw rounds.problem("must not be negative");
                    }
                    rules.add(new UrgencyRule(urgency, condition(node.get("when")),
                            node.get("acknowledge_within").duration(), count));
                });
        if (seen.size() != Urgency.values().length) {
            throw root.get("urgency").problem("expected one rule for each of " + List.of(Urgency.values()));
        }
        if (!(rules.getLast().when() instanceof Condition.Always)) {
            throw root.get("urgency").problem("the last rule must apply always, so every outcome has an urgency");
        }
        return rules;
    }

    private DangerRecheck readDangerRecheck() {
        YamlNode node = root.get("danger_recheck").allowOnly(Set.of("question", "unless_answered"));
        String id = node.get("question").text();
        Question question = questions.get(id);
        if (question == null) {
            throw node.get("question").problem("no question '" + id + "'");
        }
        YamlNode unless = node.get("unless_answered");
        List<String> values = unless.isPresent() ? unless.texts() : List.of();
        values.forEach(v -> requireValue(question, v, unless));
        return new DangerRecheck(id, Set.copyOf(values));
    }

    /** Reads a condition; a missing one means always. Questions and flags must be defined before use. */
    private Condition condition(YamlNode node) {
        if (!node.isPresent()) {
            return new Condition.Always();
        }
        if (node.isText()) {
            if (node.text().equals("always")) {
                return new Condition.Always();
            }
            throw node.problem("expected 'always' or one of answer/flag/all/any/not");
        }
        Set<String> keys = node.entries().keySet();
        if (keys.equals(Set.of("answer", "in"))) {
            String id = node.get("answer").text();
            Question question = questions.get(id);
            if (question == null) {
                throw node.get("answer").problem("no question '" + id + "' before this point");
            }
            YamlNode in = node.get("in");
            List<String> values = in.isText() ? List.of(in.text()) : in.texts();
            if (values.isEmpty()) {
                throw in.problem("missing");
            }
            values.forEach(v -> requireValue(question, v, in));
            return new Condition.AnswerIn(id, Set.copyOf(values));
        }
        if (keys.equals(Set.of("flag"))) {
            String name = node.get("flag").text();
            Condition flag = flags.get(name);
            if (flag == null) {
                throw node.get("flag").problem("no flag '" + name + "' defined before this point");
            }
            return flag;
        }
        if (keys.equals(Set.of("all"))) {
            return Condition.all(node.get("all").items().stream().map(this::condition).toList());
        }
        if (keys.equals(Set.of("any"))) {
            return Condition.any(node.get("any").items().stream().map(this::condition).toList());
        }
        if (keys.equals(Set.of("not"))) {
            return new Condition.Not(condition(node.get("not")));
        }
        throw node.problem("expected 'always' or one of {answer, in}, {flag}, {all}, {any}, {not}; found " + keys);
    }

    private static void requireValue(Question question, String value, YamlNode where) {
        if (!question.values().contains(value)) {
            throw where.problem("'" + value + "' is not an answer to " + question.id() + " (answers: "
                    + String.join(", ", question.values()) + ")");
        }
    }
}
