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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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

    private final List<Consumer<App>> registrations = new ArrayList<>();
    private final Set<String> eventsOnWorker = new HashSet<>();
    private final Set<String> eventsOnce = new HashSet<>();
    private final List<Pattern> actionIds = new ArrayList<>();
    private final Set<String> commands = new HashSet<>();

    <E extends Event> Routes event(Class<E> type, Run run, BoltEventHandler<E> handler) {
        String key = EventsApiPayloadParser.getEventTypeAndSubtype(type);
        if (run != Run.INLINE) {
            eventsOnWorker.add(key);
        }
        if (run == Run.WORKER_ONCE) {
            eventsOnce.add(key);
        }
        registrations.add(app -> app.event(type, handler));
        return this;
    }

    /** A button whose whole action id matches {@code ids}. */
    Routes action(Pattern ids, BlockActionHandler handler) {
        actionIds.add(ids);
        registrations.add(app -> app.blockAction(ids, handler));
        return this;
    }

    Routes action(String id, BlockActionHandler handler) {
        return action(Pattern.compile(Pattern.quote(id)), handler);
    }

    Routes command(String command, SlashCommandHandler handler) {
        commands.add(command);
        registrations.add(app -> app.command(command, handler));
        return this;
    }

    void register(App app) {
        registrations.forEach(registration -> registration.accept(app));
    }

    /** Whether {@code request} is acknowledged at once and handled on a worker ({@link HandOff}). */
    boolean onWorker(Request<?> request) {
        return switch (request) {
            case EventRequest e -> eventsOnWorker.contains(e.getEventTypeAndSubtype());
            case SlashCommandRequest c -> c.getPayload() != null && commands.contains(c.getPayload().getCommand());
            case BlockActionRequest b -> hasButton(b.getPayload());
            default -> false;
        };
    }

    /** Whether {@code request} is handled for the first delivery of its event id only ({@link RepeatFilter}). */
    boolean once(Request<?> request) {
        return request instanceof EventRequest e && eventsOnce.contains(e.getEventTypeAndSubtype());
    }

    /** Bolt hands a press to a handler only when it carries one action, as every button this bot draws does. */
    private boolean hasButton(BlockActionPayload payload) {
        if (payload == null || payload.getActions() == null || payload.getActions().size() != 1) {
            return false;
        }
        String id = payload.getActions().getFirst().getActionId();
        return id != null && actionIds.stream().anyMatch(ids -> ids.matcher(id).matches());
    }
}
