package org.sga.core.escalation;

/** An escalation recorded for delivery: its reference and who it goes to, by when someone must acknowledge. */
public record Raised(String reference, Routing routing) {
}
