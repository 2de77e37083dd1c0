package org.sga.core.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sga.core.triage.Rules.ActionRule;
import org.sga.core.triage.Rules.OwnerRule;
import org.sga.core.triage.Rules.QuestionRule;
import org.sga.core.triage.Rules.RoleRule;
import org.sga.core.triage.Rules.UrgencyRule;
import org.sga.core.yaml.YamlNode;
import org.sga.core.yaml.YamlProblem;

/** The triage as data: questions, derived flags, owners, actions, roles and urgency, read from YAML and validated. */
public final class TriageDefinition {

    public static final String CLASSPATH_RESOURCE = "/triage/triage.yml";

    private final String document;
    private final List<QuestionRule> questions;
    private final List<OwnerRule> owners;
    private final List<ActionRule> actions;
    private final List<RoleRule> roles;
    private final List<UrgencyRule> urgencies;
    private final DangerRecheck dangerRecheck;
    private final String categoryQuestion;
    private final Map<String, String> categoryLabels;

    TriageDefinition(String document, List<QuestionRule> questions, List<OwnerRule> owners, List<ActionRule> actions,
            List<RoleRule> roles, List<UrgencyRule> urgencies, DangerRecheck dangerRecheck, String categoryQuestion,
            Map<String, String> categoryLabels) {
        this.document = document;
        this.questions = List.copyOf(questions);
        this.owners = List.copyOf(owners);
        this.dangerRecheck = dangerRecheck;
        this.actions = List.copyOf(actions);
        this.roles = List.copyOf(roles);
        this.urgencies = List.copyOf(urgencies);
        this.categoryQuestion = categoryQuestion;
        this.categoryLabels = Map.copyOf(categoryLabels);
    }

    /** The definition shipped in the content module. */
    public static TriageDefinition fromClasspath() {
        InputStream in = TriageDefinition.class.getResourceAsStream(CLASSPATH_RESOURCE);
        if (in == null) {
            throw new TriageDefinitionException(CLASSPATH_RESOURCE + ": not on the classpath", null);
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + CLASSPATH_RESOURCE);
    }

    public static TriageDefinition load(Path path) {
        try {
            return parse(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new TriageDefinitionException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static TriageDefinition parse(Reader reader, String source) {
        try {
            return new TriageDefinitionReader(YamlNode.parse(reader, source)).read();
        } catch (YamlProblem e) {
            throw new TriageDefinitionException(source + ": " + e.getMessage(), e);
        }
    }

    /** The slug of the procedure the definition cites, e.g. {@code child-abuse-and-ict}. */
    public String document() {
        return document;
    }

    public List<Question> questions() {
        return questions.stream().map(QuestionRule::question).toList();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** Every action the definition can give, in its order. */
    public List<Action> actions() {
        return actions.stream().map(ActionRule::action).toList();
    }

    public Set<Citation> citations() {
        Set<Citation> all = new LinkedHashSet<>();
        actions().forEach(a -> all.addAll(a.cites()));
        return all;
    }

    /** The owners of actions, in the order their actions are shown, each owner's own id first. */
    public List<String> owners() {
        return owners.stream().map(OwnerRule::id).toList();
    }

    /** Which question a message that signals danger makes the dialogue ask again. */
    public DangerRecheck dangerRecheck() {
        return dangerRecheck;
    }

    /** The default number of rounds role and backup are notified again after the backup, for this urgency. */
    public int rounds(Urgency urgency) {
        return urgencies.stream().filter(u -> u.urgency() == urgency).findFirst().orElseThrow().rounds();
    }

    /** The default time to acknowledge an escalation of this urgency. */
    public Duration acknowledgeWithin(Urgency urgency) {
        return urgencies.stream().filter(u -> u.urgency() == urgency).findFirst().orElseThrow().acknowledgeWithin();
    }

    /** The label of a concern category, e.g. for {@code colleague}; empty for a value with no label. */
    public Optional<String> categoryLabel(String value) {
        return Optional.ofNullable(categoryLabels.get(value));
    }

    List<QuestionRule> questionRules() {
        return questions;
    }

    List<OwnerRule> ownerRules() {
        return owners;
    }

    List<ActionRule> actionRules() {
        return actions;
    }

    List<RoleRule> roleRules() {
        return roles;
    }

    List<UrgencyRule> urgencyRules() {
        return urgencies;
    }

    String categoryQuestion() {
        return categoryQuestion;
    }
}
