package org.sga.core.triage;

/** How urgent an outcome is, most urgent first. */
public enum Urgency {
    EMERGENCY, URGENT, STANDARD
}
