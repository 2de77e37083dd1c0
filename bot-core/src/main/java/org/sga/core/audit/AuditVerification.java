package org.sga.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking the audit chain: how many records were checked, the first broken one, and the checkpoints
 * that stand for records purged at the end of their retention (how many, how many records they cover, and whether
 * their signatures were checked).
 */
public record AuditVerification(long recordsChecked, Optional<Break> firstBreak, long checkpointsChecked,
                                long recordsPurged, Signatures signatures) {

    public AuditVerification {
        Objects.requireNonNull(firstBreak, "firstBreak");
        Objects.requireNonNull(signatures, "signatures");
    }

    /** A trail with nothing purged. */
    public AuditVerification(long recordsChecked, Optional<Break> firstBreak) {
        this(recordsChecked, firstBreak, 0, 0, Signatures.NO_CHECKPOINTS);
    }

    public boolean ok() {
        return firstBreak.isEmpty();
    }

    /** Whether the checkpoints' signatures were checked. */
    public enum Signatures {
        /** Nothing was purged, so there was nothing to check. */
        NO_CHECKPOINTS,
        /** Every checkpoint read carries a valid signature of the key given. */
        VERIFIED,
        /**
         * No key was given: the checkpoints were checked against each other and the remaining records, but someone who
         * can write to the database could have forged them.
         */
        NOT_CHECKED
    }

    /** What is wrong with the chain at one record. */
    public enum Problem {
        /** The record's content no longer matches its hash: it was edited. */
        CONTENT_CHANGED,
        /** The record does not link to the hash of the record before it: that one was edited, or they were reordered. */
        LINK_BROKEN,
        /** The record with this sequence number is missing: it was deleted. */
        RECORD_MISSING,
        /** A checkpoint's signature does not match its fields: it was edited or forged, or signed with another key. */
        CHECKPOINT_SIGNATURE,
        /**
         * The checkpoints do not follow on from one another (a checkpoint is missing, or its count or hashes do not fit
         * the one before).
         */
        CHECKPOINT_BROKEN
    }

    /**
     * The first place at which the chain is broken, and how. For a checkpoint problem {@code sequence} is the last
     * record the checkpoint covers.
     */
    public record Break(long sequence, Problem problem, String detail) {

        public Break {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return switch (problem) {
                case CHECKPOINT_SIGNATURE, CHECKPOINT_BROKEN -> "the checkpoint ending at record " + sequence + ": " + problem
                        + " (" + detail + ")";
                default -> "record " + sequence + ": " + problem + " (" + detail + ")";
            };
        }
    }
}
