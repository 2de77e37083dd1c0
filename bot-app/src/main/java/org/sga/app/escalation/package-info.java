/**
 * The escalation feature as beans: raising escalations from completed triages, acknowledging them, and the
 * re-escalator that chases unacknowledged roles, started and stopped with the application. Routing comes from the
 * file named by {@code SGA_ROUTING}, or the built-in console routing without it.
 */
package org.sga.app.escalation;
