package org.sga.core.escalation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Where a role is reached, per platform: a Slack channel id, a Teams conversation id, a console name. */
public record Channel(Map<Platform, String> targets) {

    public Channel {
        targets = Map.copyOf(targets);
    }

    public static Channel console(String name) {
        return new Channel(Map.of(Platform.CONSOLE, name));
    }

    public Optional<String> target(Platform platform) {
        return Optional.ofNullable(targets.get(platform));
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /**
     * True when both reach the same target on a platform. Compared without regard to case: the routing reader only
     * lets ids through, and of two spellings that differ in case the safe assumption is that they are one channel.
     */
    boolean sharesTargetWith(Channel other) {
        return targets.entrySet().stream().anyMatch(e -> e.getValue().equalsIgnoreCase(
                other.targets.getOrDefault(e.getKey(), "")));
    }

    /** This channel without any target that {@code other} also has on the same platform. */
    Channel without(Channel other) {
        Map<Platform, String> kept = new EnumMap<>(Platform.class);
        targets.forEach((platform, target) -> {
            if (!target.equalsIgnoreCase(other.targets.getOrDefault(platform, ""))) {
                kept.put(platform, target);
            }
        });
        return new Channel(kept);
    }
}
