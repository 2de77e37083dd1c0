package org.sga.teams;

import org.sga.core.escalation.Acknowledger;

/** Stand-ins for the core's ports that a test must not reach; the storage ports come from the core's test kit. */
final class TestPorts {

    /** For tests that click no Acknowledge button: any acknowledgement fails them. */
    static final Acknowledger NO_ACKNOWLEDGEMENTS = request -> {
        throw new AssertionError("no acknowledgement expected");
    };

    private TestPorts() {
    }
}
