/**
 * For the content owners: questions the bot could not answer and the Helpful / Not helpful votes from Slack and
 * Teams, stored without user ids and listed by the {@code unanswered} command. Question text is never logged.
 */
package org.sga.app.feedback;
