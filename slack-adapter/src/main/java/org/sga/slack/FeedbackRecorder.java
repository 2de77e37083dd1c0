package org.sga.slack;

import java.util.Objects;

/** Records "Helpful / Not helpful" on an answer for the content owners: which section, which version, which way. */
@FunctionalInterface
public interface FeedbackRecorder {

    void record(Feedback feedback);

    /** One press; carries no message text and no user id, only what the content owners need. */
    record Feedback(String platform, String sectionId, String version, boolean helpful) {
        public Feedback {
            Objects.requireNonNull(sectionId, "sectionId");
        }
    }
}
