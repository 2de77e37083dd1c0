/** Slack adapter (Bolt for Java): translates Slack events into core messages and core replies into Block Kit. */
package org.sga.slack;
