/** Procedure texts as published, their metadata, and the loader that reads and validates them. */
package org.sga.content;
