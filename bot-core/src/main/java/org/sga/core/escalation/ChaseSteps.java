package org.sga.core.escalation;

import java.util.OptionalInt;

/**
 * The steps of one role's chase (TRIAGE.md): its first notice, then its backup with a deadline of its own, then rounds
 * in which role and backup are notified again. A step is named as the attempt of its notices: {@code initial},
 * {@code backup}, {@code round-1}; a round's notice to the backup is {@code round-1-backup}.
 */
final class ChaseSteps {

    static final String ROUND = "round-";
    static final String TO_BACKUP = "-backup";

    private ChaseSteps() {
    }

    /** 0 for the first notice, 1 for the backup, 1 + k for round k; empty for an attempt that is not a step. */
    static OptionalInt index(String step) {
        if (OutboxRow.INITIAL.equals(step)) {
            return OptionalInt.of(0);
        }
        if (OutboxRow.BACKUP.equals(step)) {
            return OptionalInt.of(1);
        }
        if (step.startsWith(ROUND) && step.substring(ROUND.length()).matches("[1-9]\\d{0,2}")) {
            return OptionalInt.of(1 + Integer.parseInt(step.substring(ROUND.length())));
        }
        return OptionalInt.empty();
    }

    static String name(int index) {
        return switch (index) {
            case 0 -> OutboxRow.INITIAL;
            case 1 -> OutboxRow.BACKUP;
            default -> ROUND + (index - 1);
        };
    }

    /** The attempt of a step's notice to the backup: the backup step's own, or the round's with {@code -backup}. */
    static String toBackup(int index) {
        return index == 1 ? OutboxRow.BACKUP : name(index) + TO_BACKUP;
    }

    /** The step a role's notice belongs to. */
    static String stepOf(String attempt) {
        return attempt.startsWith(ROUND) && attempt.endsWith(TO_BACKUP)
                ? attempt.substring(0, attempt.length() - TO_BACKUP.length())
                : attempt;
    }
}
