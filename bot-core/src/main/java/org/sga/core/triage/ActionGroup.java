package org.sga.core.triage;

import java.util.List;

/**
 * The actions of one owner in an outcome, under the heading the reporter sees ("What you do now") and the one the
 * notified roles see in their notice.
 */
public record ActionGroup(String owner, String heading, String noticeHeading, List<Action> actions) {
    public ActionGroup {
        actions = List.copyOf(actions);
    }
}
