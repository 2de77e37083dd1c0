package org.sga.core.audit;

import java.util.Objects;
import java.util.Optional;

/** The result of checking the audit chain: how many records were checked, and the first broken one. */
public record AuditVerification(long recordsChecked, Optional<Break> firstBreak) {

    public AuditVerification {
        Objects.requireNonNull(firstBreak, "firstBreak");
    }

    public boolean ok() {
        return firstBreak.isEmpty();
    }

    /** What is wrong with the chain at one record. */
    public enum Problem {
        /** The record's content no longer matches its hash: it was edited. */
        CONTENT_CHANGED,
        /** The record does not link to the hash of the record before it: that one was edited, or they were reordered. */
        LINK_BROKEN,
        /** The record with this sequence number is missing: it was deleted. */
        RECORD_MISSING
    }

    /** The first record at which the chain is broken, and how. */
    public record Break(long sequence, Problem problem, String detail) {

        public Break {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return "record " + sequence + ": " + problem + " (" + detail + ")";
        }
    }
}
