package org.sga.app.ops;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LOG_FORMAT=json} turns the bot's console log into one JSON object per line (Elastic Common Schema, Spring
 * Boot's structured logging), for log collectors; {@code text} or unset keeps the readable lines. The log never
 * holds message text whichever format is chosen.
 */
public final class LogFormat {

    /** The Spring property that switches Boot's console log to structured output. */
    static final String PROPERTY = "logging.structured.format.console";

    private LogFormat() {
    }

    /**
     * The Spring property to set for the environment's {@code LOG_FORMAT}, if any.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code LOG_FORMAT} is something else
     */
    public static Optional<Map.Entry<String, String>> property(Map<String, String> env) {
        String format = env.getOrDefault("LOG_FORMAT", "").strip().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "", "text", "plain" -> Optional.empty();
            case "json", "ecs" -> Optional.of(Map.entry(PROPERTY, "ecs"));
            case "logstash" -> Optional.of(Map.entry(PROPERTY, "logstash"));
            default -> throw new IllegalArgumentException("LOG_FORMAT must be json or text (also accepted: ecs, "
                    + "logstash); it is \"" + env.get("LOG_FORMAT") + "\"");
        };
    }
}
