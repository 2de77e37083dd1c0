/**
 * The core's ports in memory and a scripted conversation, so that dialogue, triage and escalation rules are tested on
 * the core alone, in milliseconds. The JDBC stores answer to the same contracts in bot-app's store tests.
 */
package org.sga.core.testkit;
