/** Finds the procedure sections that answer a question, and decides whether the bot is confident enough to answer. */
package org.sga.core.search;
