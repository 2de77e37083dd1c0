package org.sga.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox depth and the age of the oldest notice waiting, read from the database (so every instance reports the
 * shared figure) at most once every few seconds however often Prometheus scrapes. NaN while the database is
 * unreachable.
 */
public final class OutboxGauges {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxGauges.class);
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private OutboxDepth depth;

    public OutboxGauges(Outbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        Gauge.builder("sga.outbox.depth", this, g -> g.read(d -> d.pending()))
                .description("Notices waiting to be delivered (all instances)").register(registry);
        Gauge.builder("sga.outbox.dead", this, g -> g.read(d -> d.dead()))
                .description("Notices given up on, waiting for an operator (outbox retry REF)").register(registry);
        // Not sga.escalations.undeliverable, which counts notices given up on: this counts escalations.
        Gauge.builder("sga.escalations.unreached", this, g -> g.read(d -> d.unreached()))
                .description("Open escalations nobody has been reached for: every notice to a role failed or none could"
                        + " be queued, and nobody has acknowledged").register(registry);
        Gauge.builder("sga.outbox.oldest.age", this, g -> g.read(d -> d.oldestAge(clock.instant()).toMillis() / 1000.0))
                .description("How long the oldest waiting notice has been due").baseUnit("seconds").register(registry);
    }

    private double read(java.util.function.ToDoubleFunction<OutboxDepth> figure) {
        OutboxDepth current = current();
        return current == null ? Double.NaN : figure.applyAsDouble(current);
    }

    private synchronized OutboxDepth current() {
        Instant now = clock.instant();
        if (depth == null || !now.isBefore(readAt.plus(REFRESH))) {
            readAt = now;
            try {
                depth = outbox.depth();
            } catch (RuntimeException e) {
                LOG.debug("Outbox depth unavailable: {}", e.getClass().getSimpleName());
                depth = null;
            }
        }
        return depth;
    }
}
