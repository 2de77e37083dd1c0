/**
 * Safe answers beyond the right section: which guidance cards (content the owners sign off) a message calls for, which
 * kind of concern it is about, the next thing to do a section says, and the settings that judge closeness of meaning
 * for these and for the 999 line.
 */
package org.sga.core.guidance;
