package org.sga.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of purging the audit trail: how many records were purged and the checkpoint written for them, or, when the
 * records due for purging did not verify, where the chain is broken (and nothing was purged).
 */
public record AuditPurge(long recordsPurged, Optional<AuditCheckpoint> checkpoint, Optional<AuditVerification.Break> refusedAt) {

    public AuditPurge {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(refusedAt, "refusedAt");
    }

    /** Nothing was due. */
    public static AuditPurge nothing() {
        return new AuditPurge(0, Optional.empty(), Optional.empty());
    }

    public static AuditPurge purged(AuditCheckpoint checkpoint) {
        return new AuditPurge(checkpoint.recordCount(), Optional.of(checkpoint), Optional.empty());
    }

    /** The records due did not verify; they stay, as evidence, until someone looks. */
    public static AuditPurge refused(AuditVerification.Break at) {
        return new AuditPurge(0, Optional.empty(), Optional.of(at));
    }
}
