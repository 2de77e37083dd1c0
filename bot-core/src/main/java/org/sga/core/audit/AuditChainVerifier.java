package org.sga.core.audit;

import java.util.Optional;

/**
 * Checks audit records fed to it in sequence order, one at a time, so a store can stream a long trail
 * through it without holding it in memory; stops at the first break.
 */
public final class AuditChainVerifier {

    private long expectedSequence = 1;
    private String previousHash = AuditHash.GENESIS;
    private long checked;
    private AuditVerification.Break firstBreak;

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
            return broken(record.sequence(), AuditVerification.Problem.LINK_BROKEN,
                    "appears after record " + (expectedSequence - 1));
        }
        if (!record.expectedHash().equals(record.hash())) {
            return broken(record.sequence(), AuditVerification.Problem.CONTENT_CHANGED,
                    "content does not match its hash");
        }
        if (!record.prevHash().equals(previousHash)) {
            return broken(record.sequence(), AuditVerification.Problem.LINK_BROKEN,
                    "does not link to the hash of record " + (record.sequence() - 1));
        }
        previousHash = record.hash();
        expectedSequence++;
        return true;
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
        return new AuditVerification(checked, Optional.ofNullable(firstBreak));
    }

    private boolean broken(long sequence, AuditVerification.Problem problem, String detail) {
        firstBreak = new AuditVerification.Break(sequence, problem, detail);
        return false;
    }
}
