package org.sga.teams;

/** Records a Helpful / Not helpful click on an answer. */
@FunctionalInterface
public interface Feedback {

    void record(Vote vote);

    /** One click: on which answer (section and version of the procedure) and whether it helped. */
    record Vote(String conversationId, String userId, String sectionId, String version, boolean helpful) {
    }

    /** Discards votes, until the application wires a store for them. */
    Feedback NONE = vote -> { };
}
