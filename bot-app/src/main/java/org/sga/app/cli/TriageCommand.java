package org.sga.app.cli;

import org.sga.app.content.ContentSource;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sga.core.escalation.Router;
import org.sga.core.escalation.Routing;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.escalation.RoutingConfigException;
import org.sga.core.triage.InvalidAnswerException;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code triage --answers JSON --at ISO_LOCAL_DATE_TIME}: the outcome of a set of answers at a time, as one JSON
 * object (TRIAGE.md). Nothing is stored or sent.
 */
final class TriageCommand implements Command {

    /** Built on first use, not when the tool list is made: Jackson takes a while to start. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
    private static final String USAGE = "usage: triage --answers JSON --at ISO_LOCAL_DATE_TIME [--team TEAM]";

    private final ContentSource content;
    private final Supplier<RoutingConfig> routing;

    /** {@code routing} is read when the tool runs, so that an error in it is reported as a routing error. */
    TriageCommand(ContentSource content, Supplier<RoutingConfig> routing) {
        this.content = content;
        this.routing = routing;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = options(args);
        if (!options.containsKey("--answers") || !options.containsKey("--at")) {
            throw new UsageException(USAGE);
        }
        Map<String, String> answers = answers(options.get("--answers"));
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(options.get("--at"));
        } catch (DateTimeParseException e) {
            throw new UsageException("triage: --at '" + options.get("--at") + "' is not a local date-time like 2026-12-07T09:15");
        }
        RoutingConfig routing;
        try {
            routing = this.routing.get();
        } catch (RoutingConfigException e) {
            err.println("routing configuration error: " + e.getMessage());
            return 3;
        }
        TriageEngine engine = Triage.engine(content.library());
        TriageOutcome outcome;
        try {
            outcome = engine.evaluate(answers);
        } catch (InvalidAnswerException e) {
            err.println("triage: " + e.getMessage());
            return 1;
        }
        String team = options.getOrDefault("--team", routing.defaultTeam().id());
        if (routing.team(team).isEmpty()) {
            throw new UsageException("triage: no team '" + team + "' in the routing configuration");
        }
        Routing routed = new Router(routing, java.time.Clock.systemUTC()).route(outcome, team, at);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("urgency", outcome.urgency().name());
        List<Object> actions = new ArrayList<>();
        outcome.actions().forEach(a -> {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("code", a.code());
            action.put("owner", a.owner());
            action.put("cites", a.cites().stream().map(c -> c.id()).toList());
            actions.add(action);
        });
        json.put("actions", actions);
        json.put("notify", routed.notifiedRoles().stream().map(r -> r.id()).toList());
        json.put("next_question", outcome.nextQuestion());
        out.println(Json.MAPPER.writeValueAsString(json));
        return 0;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new UsageException(USAGE);
            }
            options.put(a, args.get(++i));
        }
        return options;
    }

    private static Map<String, String> answers(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new UsageException("triage: --answers is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UsageException("triage: --answers must be a JSON object of question id to answer");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw new UsageException("triage: answer to '" + entry.getKey() + "' must be a string");
            }
            answers.put(entry.getKey(), entry.getValue().asString());
        }
        return answers;
    }

}
