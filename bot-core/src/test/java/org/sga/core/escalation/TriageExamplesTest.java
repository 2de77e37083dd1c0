package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sga.core.triage.KnownSections;
import org.sga.core.triage.Role;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;
import org.sga.core.triage.Urgency;
import org.yaml.snakeyaml.Yaml;

/** The shared evaluation examples (a copy of eval/triage-examples.jsonl), with no routing configuration. */
class TriageExamplesTest {

    private static final TriageEngine ENGINE = KnownSections.engine();
    private static final RoutingConfig CONFIG = RoutingConfig.defaults();
    private static final Router ROUTER = new Router(CONFIG, Clock.systemUTC());

    static Stream<Map<String, Object>> examples() throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                TriageExamplesTest.class.getResourceAsStream("/eval/triage-examples.jsonl"), StandardCharsets.UTF_8))) {
            Yaml json = new Yaml();
            List<Map<String, Object>> lines = in.lines().filter(l -> !l.isBlank())
                    .map(l -> json.<Map<String, Object>>load(l)).toList();
            assertThat(lines).hasSize(4);
            return lines.stream();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void givenAnExample_thenTheOutcomeMatchesIt(Map<String, Object> example) {
        TriageOutcome outcome = ENGINE.evaluate((Map<String, String>) example.get("answers"));
        Routing routing = ROUTER.route(outcome, CONFIG.defaultTeamId(),
                LocalDateTime.parse((String) example.get("at")));
        List<String> codes = outcome.actionCodes();

        if (example.containsKey("urgency")) {
            assertThat(outcome.urgency()).isEqualTo(Urgency.valueOf((String) example.get("urgency")));
        }
        if (example.containsKey("actions")) {
            List<String> listed = (List<String>) example.get("actions");
            assertThat(codes).containsAll(listed).as("in owner order").containsSubsequence(listed);
        }
        if (example.containsKey("not_actions")) {
            assertThat(codes).doesNotContainAnyElementsOf((List<String>) example.get("not_actions"));
        }
        if (example.containsKey("notify")) {
            assertThat(routing.notifiedRoles()).extracting(Role::id)
                    .containsExactlyInAnyOrderElementsOf((List<String>) example.get("notify"));
        }
        if (example.containsKey("first")) {
            assertThat(codes.getFirst()).isEqualTo(example.get("first"));
        }
        if (codes.contains("CALL_999")) {
            assertThat(codes.getFirst()).isEqualTo("CALL_999");
        }
        assertThat(outcome.nextQuestion()).isEqualTo(example.get("next_question"));
    }
}
