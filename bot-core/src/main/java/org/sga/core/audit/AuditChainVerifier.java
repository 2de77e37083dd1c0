package org.sga.core.audit;

import java.util.Optional;

/**
 * Checks audit records fed to it in sequence order, one at a time, so a store can stream a long trail
 * through it without holding it in memory; stops at the first break.
 *
 * <p>Where records were purged at the end of their retention, the store first feeds the checkpoints that stand for
 * them, oldest first ({@link #acceptCheckpoint}): each must carry a valid signature (when a key is given), start where
 * the one before ended, at record 1 for the first, and link to its hash. The remaining records are then checked from
 * the latest checkpoint's last hash, as if the purged ones were still there.
 */
public final class AuditChainVerifier {

    private final AuditSigningKey key;
    private long expectedSequence = 1;
    private String previousHash = AuditHash.GENESIS;
    private boolean previousWasPurged;
    private long checked;
    private long checkpoints;
    private long purged;
    private AuditVerification.Break firstBreak;

    /** Checkpoints, if any, are checked against each other and the records but their signatures are not checked. */
    public AuditChainVerifier() {
        this(null);
    }

    /** With {@code key} (may be null) to check the checkpoints' signatures. */
    public AuditChainVerifier(AuditSigningKey key) {
        this.key = key;
    }

    /**
     * Continues after {@code latest} without the checkpoints before it, for a purge that goes on from the last one: only
     * its signature is checked (when a key is given). Call before any record.
     */
    public boolean startAfter(AuditCheckpoint latest) {
        requireNoRecordsYet();
        if (!signatureValid(latest)) {
            return false;
        }
        follow(latest);
        return true;
    }

    /** Feeds the next checkpoint, oldest first, before any record; returns false once the chain is broken. */
    public boolean acceptCheckpoint(AuditCheckpoint checkpoint) {
        requireNoRecordsYet();
        if (firstBreak != null) {
            return false;
        }
        if (!signatureValid(checkpoint)) {
            return false;
        }
        String range = "records " + checkpoint.firstSequence() + " to " + checkpoint.lastSequence();
        if (checkpoint.lastSequence() < checkpoint.firstSequence()
                || checkpoint.recordCount() != checkpoint.lastSequence() - checkpoint.firstSequence() + 1) {
            return brokenCheckpoint(checkpoint, "covers " + range + " but counts " + checkpoint.recordCount());
        }
        if (checkpoint.firstSequence() != expectedSequence) {
            return brokenCheckpoint(checkpoint, checkpoints == 0
                    ? "the first checkpoint covers " + range + ", not from record 1: an earlier checkpoint is missing"
                    : "covers " + range + " but the checkpoint before ended at record " + (expectedSequence - 1));
        }
        if (!checkpoint.firstPrevHash().equals(previousHash)) {
            return brokenCheckpoint(checkpoint, "does not link to the hash of record " + (expectedSequence - 1));
        }
        follow(checkpoint);
        return true;
    }

    /** Feeds the next record; returns false once the chain is broken and further records do not matter. */
    public boolean accept(AuditRecord record) {
        if (firstBreak != null) {
            return false;
        }
        checked++;
        if (record.sequence() > expectedSequence) {
            return broken(expectedSequence, AuditVerification.Problem.RECORD_MISSING,
                    "the next record present is " + record.sequence());
        }
        if (record.sequence() < expectedSequence) {
            return broken(record.sequence(), AuditVerification.Problem.LINK_BROKEN, previousWasPurged && checked == 1
                    ? "is still present although a checkpoint says records up to " + (expectedSequence - 1) + " were purged"
                    : "appears after record " + (expectedSequence - 1));
        }
        if (!record.expectedHash().equals(record.hash())) {
            return broken(record.sequence(), AuditVerification.Problem.CONTENT_CHANGED,
                    "content does not match its hash");
        }
        if (!record.prevHash().equals(previousHash)) {
            return broken(record.sequence(), AuditVerification.Problem.LINK_BROKEN,
                    "does not link to the hash of record " + (record.sequence() - 1)
                            + (previousWasPurged ? " kept in the latest checkpoint" : ""));
        }
        previousHash = record.hash();
        previousWasPurged = false;
        expectedSequence++;
        return true;
    }

    /** The first break found so far, if any. */
    public Optional<AuditVerification.Break> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    /**
     * Finishes the check against the chain's head as the store last wrote it, which catches records
     * deleted from the end, where no later record would notice.
     */
    public AuditVerification finish(long headSequence, String headHash) {
        if (firstBreak == null) {
            long last = expectedSequence - 1;
            if (headSequence > last) {
                broken(last + 1, AuditVerification.Problem.RECORD_MISSING,
                        "the trail ends at record " + last + " but " + headSequence + " were written");
            } else if (headSequence < last) {
                broken(headSequence + 1, AuditVerification.Problem.LINK_BROKEN,
                        "the trail was last written at record " + headSequence + "; later records were added outside it");
            } else if (!headHash.equals(previousHash)) {
                broken(last, AuditVerification.Problem.CONTENT_CHANGED, "does not match the hash last written");
            }
        }
        AuditVerification.Signatures signatures = checkpoints == 0 ? AuditVerification.Signatures.NO_CHECKPOINTS
                : key == null ? AuditVerification.Signatures.NOT_CHECKED : AuditVerification.Signatures.VERIFIED;
        return new AuditVerification(checked, Optional.ofNullable(firstBreak), checkpoints, purged, signatures);
    }

    private boolean signatureValid(AuditCheckpoint checkpoint) {
        if (key == null || key.verifies(checkpoint)) {
            return true;
        }
        String detail = checkpoint.keyId().equals(key.id())
                ? "the signature does not match its fields: the checkpoint was altered or forged"
                : "signed with another key (id " + checkpoint.keyId() + "; the key given has id " + key.id() + ")";
        firstBreak = new AuditVerification.Break(checkpoint.lastSequence(), AuditVerification.Problem.CHECKPOINT_SIGNATURE,
                detail);
        return false;
    }

    private void follow(AuditCheckpoint checkpoint) {
        expectedSequence = checkpoint.lastSequence() + 1;
        previousHash = checkpoint.lastHash();
        previousWasPurged = true;
        checkpoints++;
        purged += checkpoint.recordCount();
    }

    private void requireNoRecordsYet() {
        if (checked > 0) {
            throw new IllegalStateException("checkpoints come before the remaining records");
        }
    }

    private boolean brokenCheckpoint(AuditCheckpoint checkpoint, String detail) {
        firstBreak = new AuditVerification.Break(checkpoint.lastSequence(), AuditVerification.Problem.CHECKPOINT_BROKEN, detail);
        return false;
    }

    private boolean broken(long sequence, AuditVerification.Problem problem, String detail) {
        firstBreak = new AuditVerification.Break(sequence, problem, detail);
        return false;
    }
}
