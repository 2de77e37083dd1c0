package org.sga.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.model.event.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table of which handler serves which Slack event, button and command, and how each runs: events on the request
 * thread or on a worker (once per event id, or at every delivery); buttons and commands always on a worker.
 */
final class Routes {

    /** How an event's handler runs. */
    enum Run {
        /** On the request thread: quick work that must be done before the ack. */
        INLINE,
        /** On a worker after the ack, at every delivery: repeating it does no harm. */
        WORKER,
        /** On a worker after the ack, for the first delivery of its event id only. */
        WORKER_ONCE
    }

    private record EventRoute<E extends Event>(Class<E> type, Run run, BoltEventHandler<E> handler) {

        String key() {
            return EventsApiPayloadParser.getEventTypeAndSubtype(type);
        }

        void register(App app) {
            app.event(type, handler);
        }
    }

    private final List<EventRoute<?>> events = new ArrayList<>();
    private final Set<String> onWorker = new HashSet<>();
    private final Set<String> once = new HashSet<>();
    private final Map<Pattern, BlockActionHandler> actions = new LinkedHashMap<>();
    private final Map<String, SlashCommandHandler> commands = new LinkedHashMap<>();

    <E extends Event> Routes event(Class<E> type, Run run, BoltEventHandler<E> handler) {
        EventRoute<E> route = new EventRoute<>(type, run, handler);
        events.add(route);
        if (run != Run.INLINE) {
            onWorker.add(route.key());
        }
        if (run == Run.WORKER_ONCE) {
            once.add(route.key());
        }
        return this;
    }

    /** A button whose action id matches {@code actionIds} (the whole id). */
    Routes action(Pattern actionIds, BlockActionHandler handler) {
        actions.put(actionIds, handler);
        return this;
    }

    Routes action(String actionId, BlockActionHandler handler) {
        return action(Pattern.compile(Pattern.quote(actionId)), handler);
    }

    Routes command(String command, SlashCommandHandler handler) {
        commands.put(command, handler);
        return this;
    }

    void register(App app) {
        events.forEach(route -> route.register(app));
        actions.forEach(app::blockAction);
        commands.forEach(app::command);
    }

    /** Whether {@code request} is acknowledged at once and handled on a worker ({@link HandOff}). */
    boolean onWorker(Request<?> request) {
        return switch (request) {
            case EventRequest e -> onWorker.contains(e.getEventTypeAndSubtype());
            case SlashCommandRequest c -> c.getPayload() != null && commands.containsKey(c.getPayload().getCommand());
            case BlockActionRequest b -> hasButton(b.getPayload());
            default -> false;
        };
    }

    /** Whether {@code request} is handled for the first delivery of its event id only ({@link RepeatFilter}). */
    boolean once(Request<?> request) {
        return request instanceof EventRequest e && once.contains(e.getEventTypeAndSubtype());
    }

    /** Bolt hands a press to a handler only when it carries one action, as every button this bot draws does. */
    private boolean hasButton(BlockActionPayload payload) {
        if (payload == null || payload.getActions() == null || payload.getActions().size() != 1) {
            return false;
        }
        String id = payload.getActions().getFirst().getActionId();
        return id != null && actions.keySet().stream().anyMatch(p -> p.matcher(id).matches());
    }
}
