/** Command-line tools of the jar; they start without Spring or a web server so they are quick. */
package org.sga.app.cli;
