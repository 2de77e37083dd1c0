/** Chat in the terminal, through the same core as the platforms, when no Slack or Teams credentials are set. */
package org.sga.app.console;
