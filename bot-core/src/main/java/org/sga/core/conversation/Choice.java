package org.sga.core.conversation;

/** Something the user can pick: a button on a platform, a numbered option in the console. */
public record Choice(String value, String label) {
}
