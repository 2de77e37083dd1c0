package org.sga.app.escalation;

import org.sga.app.settings.Settings;
import org.sga.core.escalation.RoutingConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A routing problem stops start-up with its own message (which names the key or setting) instead of a stack trace. */
final class RoutingFailureAnalyzer extends AbstractFailureAnalyzer<RoutingConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RoutingConfigException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the routing configuration named by " + Settings.ROUTING_ENV
                + " (every key is described in " + ReachableRoles.EXAMPLE + ") and start again.", cause);
    }
}
