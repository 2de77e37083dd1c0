/** Wires the Slack adapter into the application: settings from the environment, the endpoint, Socket Mode, the notifier. */
package org.sga.app.slack;
