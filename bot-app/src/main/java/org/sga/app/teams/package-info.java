/**
 * Microsoft Teams wiring: settings from the environment, the {@code /api/messages} controller over the adapter's
 * endpoint, the conversation references table, and the adapter's notifier for the outbox.
 */
package org.sga.app.teams;
