/**
 * Where the bot's content comes from (shipped procedures or {@code SGA_CONTENT_DIR}) and how the search index is built
 * from it; shared by the application and the command-line tools, without Spring.
 */
package org.sga.app.content;
