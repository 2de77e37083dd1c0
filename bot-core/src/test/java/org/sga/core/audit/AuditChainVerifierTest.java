package org.sga.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00.123456789Z");

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            Instant at = AuditHash.canonicalTime(T0.plusSeconds(seq));
            String payload = "{\"n\":" + seq + "}";
            String hash = AuditHash.of(seq, "escalation_raised", "SG-" + seq, at, payload, prev);
            records.add(new AuditRecord(seq, "escalation_raised", "SG-" + seq, payload, at, prev, hash));
            prev = hash;
        }
        return records;
    }

    private static AuditVerification verify(List<AuditRecord> records, long headSeq, String headHash) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        records.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    private static AuditVerification verify(List<AuditRecord> records) {
        AuditRecord last = records.getLast();
        return verify(records, last.sequence(), last.hash());
    }

    @Test
    void givenUntouchedChain_thenOk() {
        AuditVerification result = verify(chain(50));

        assertThat(result.ok()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(50);
    }

    @Test
    void givenEmptyTrail_thenOk() {
        assertThat(verify(List.of(), 0, AuditHash.GENESIS).ok()).isTrue();
    }

    @Nested
    class Tampering {

        @Test
        void givenPayloadEdited_thenThatRecordIsNamed() {
            List<AuditRecord> records = chain(10);
            AuditRecord r = records.get(6);
            records.set(6, new AuditRecord(r.sequence(), r.type(), r.ref(), "{\"n\":0}", r.at(), r.prevHash(), r.hash()));

            assertThat(verify(records).firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(7);
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CONTENT_CHANGED);
            });
        }

        @Test
        void givenRecordEditedAndRehashed_thenTheNextRecordShowsTheBrokenLink() {
            List<AuditRecord> records = chain(10);
            AuditRecord r = records.get(3);
            String forged = AuditHash.of(r.sequence(), r.type(), r.ref(), r.at(), "{}", r.prevHash());
            records.set(3, new AuditRecord(r.sequence(), r.type(), r.ref(), "{}", r.at(), r.prevHash(), forged));

            assertThat(verify(records).firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(5);
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.LINK_BROKEN);
            });
        }

        @Test
        void givenRecordDeletedInTheMiddle_thenTheMissingSequenceIsNamed() {
            List<AuditRecord> records = chain(10);
            records.remove(4);

            assertThat(verify(records, 10, records.getLast().hash()).firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(5);
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.RECORD_MISSING);
            });
        }

        @Test
        void givenLastRecordsDeleted_thenTheHeadReveals() {
            List<AuditRecord> records = chain(10);
            String headHash = records.getLast().hash();
            records.subList(8, 10).clear();

            assertThat(verify(records, 10, headHash).firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.sequence()).isEqualTo(9);
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.RECORD_MISSING);
            });
        }

        @Test
        void givenTwoRecordsSwappedInPlace_thenTheFirstOfThemIsNamed() {
            List<AuditRecord> records = chain(10);
            AuditRecord a = records.get(2);
            AuditRecord b = records.get(3);
            records.set(2, new AuditRecord(3, b.type(), b.ref(), b.payload(), b.at(), b.prevHash(), b.hash()));
            records.set(3, new AuditRecord(4, a.type(), a.ref(), a.payload(), a.at(), a.prevHash(), a.hash()));

            assertThat(verify(records).firstBreak()).hasValueSatisfying(br -> assertThat(br.sequence()).isEqualTo(3));
        }
    }

    @Nested
    class Checkpoints {

        private final AuditSigningKey key = AuditSigningKey.of("invented-test-key-0123456789-abcdefghij");
        private final Instant purgedAt = T0.plusSeconds(86_400);

        private AuditCheckpoint checkpoint(List<AuditRecord> records, int first, int last, AuditSigningKey with) {
            return AuditCheckpoint.signed(first, last, records.get(first - 1).prevHash(), records.get(last - 1).hash(),
                    purgedAt, with);
        }

        /** Records 1-10 and 11-20 purged under two checkpoints; 21-50 remain. */
        private AuditVerification verifyPurged(AuditSigningKey with, List<AuditCheckpoint> checkpoints, List<AuditRecord> remaining,
                                               AuditRecord head) {
            AuditChainVerifier verifier = new AuditChainVerifier(with);
            checkpoints.forEach(verifier::acceptCheckpoint);
            remaining.forEach(verifier::accept);
            return verifier.finish(head.sequence(), head.hash());
        }

        @Test
        void givenPurgedUnderSignedCheckpoints_thenTheRestVerifiesFromTheLatestOne() {
            List<AuditRecord> records = chain(50);
            List<AuditCheckpoint> checkpoints = List.of(checkpoint(records, 1, 10, key), checkpoint(records, 11, 20, key));

            AuditVerification result = verifyPurged(key, checkpoints, records.subList(20, 50), records.getLast());

            assertThat(result.ok()).as(result.toString()).isTrue();
            assertThat(result.recordsChecked()).isEqualTo(30);
            assertThat(result.checkpointsChecked()).isEqualTo(2);
            assertThat(result.recordsPurged()).isEqualTo(20);
            assertThat(result.signatures()).isEqualTo(AuditVerification.Signatures.VERIFIED);
        }

        @Test
        void givenEverythingPurged_thenTheHeadMatchesTheLatestCheckpoint() {
            List<AuditRecord> records = chain(10);

            AuditVerification result = verifyPurged(key, List.of(checkpoint(records, 1, 10, key)), List.of(), records.getLast());

            assertThat(result.ok()).as(result.toString()).isTrue();
            assertThat(result.recordsPurged()).isEqualTo(10);
        }

        @Test
        void givenNoKey_thenCheckedForFitButSignaturesReportedUnchecked() {
            List<AuditRecord> records = chain(30);
            AuditSigningKey forger = AuditSigningKey.of("someone-elses-key-0123456789-abcdefghij");

            AuditVerification result = verifyPurged(null, List.of(checkpoint(records, 1, 10, forger)), records.subList(10, 30),
                    records.getLast());

            assertThat(result.ok()).isTrue();
            assertThat(result.signatures()).isEqualTo(AuditVerification.Signatures.NOT_CHECKED);
        }

        @Test
        void givenNothingPurged_thenNoCheckpointsToCheck() {
            assertThat(verify(chain(5)).signatures()).isEqualTo(AuditVerification.Signatures.NO_CHECKPOINTS);
        }

        @Test
        void givenCheckpointEdited_thenItsSignatureFails() {
            List<AuditRecord> records = chain(30);
            AuditCheckpoint real = checkpoint(records, 11, 20, key);
            // Someone deletes record 21 too and widens the checkpoint to hide it.
            AuditCheckpoint widened = new AuditCheckpoint(11, 21, real.firstPrevHash(), records.get(20).hash(), 11, real.at(),
                    real.keyId(), real.signature());

            AuditVerification result = verifyPurged(key, List.of(checkpoint(records, 1, 10, key), widened),
                    records.subList(21, 30), records.getLast());

            assertThat(result.firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_SIGNATURE);
                assertThat(b.sequence()).isEqualTo(21);
                assertThat(b.detail()).contains("altered or forged");
                assertThat(b.toString()).startsWith("the checkpoint ending at record 21");
            });
        }

        @Test
        void givenCheckpointSignedWithAnotherKey_thenSaysSo() {
            List<AuditRecord> records = chain(30);
            AuditSigningKey forger = AuditSigningKey.of("someone-elses-key-0123456789-abcdefghij");

            AuditVerification result = verifyPurged(key, List.of(checkpoint(records, 1, 25, forger)), records.subList(25, 30),
                    records.getLast());

            assertThat(result.firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_SIGNATURE);
                assertThat(b.detail()).contains("another key").contains(forger.id()).contains(key.id());
            });
        }

        @Test
        void givenFirstCheckpointDeleted_thenAnEarlierOneIsMissing() {
            List<AuditRecord> records = chain(30);

            AuditVerification result = verifyPurged(key, List.of(checkpoint(records, 11, 20, key)), records.subList(20, 30),
                    records.getLast());

            assertThat(result.firstBreak()).hasValueSatisfying(b -> {
                assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_BROKEN);
                assertThat(b.detail()).contains("earlier checkpoint is missing");
            });
        }

        @Test
        void givenMiddleCheckpointDeleted_thenTheNextDoesNotFollowOn() {
            List<AuditRecord> records = chain(40);
            List<AuditCheckpoint> checkpoints = List.of(checkpoint(records, 1, 10, key), checkpoint(records, 21, 30, key));

            assertThat(verifyPurged(key, checkpoints, records.subList(30, 40), records.getLast()).firstBreak())
                    .hasValueSatisfying(b -> {
                        assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_BROKEN);
                        assertThat(b.sequence()).isEqualTo(30);
                    });
        }

        @Test
        void givenLatestCheckpointDeleted_thenItsRecordsAreMissing() {
            List<AuditRecord> records = chain(30);

            assertThat(verifyPurged(key, List.of(checkpoint(records, 1, 10, key)), records.subList(20, 30), records.getLast())
                    .firstBreak()).hasValueSatisfying(b -> {
                        assertThat(b.problem()).isEqualTo(AuditVerification.Problem.RECORD_MISSING);
                        assertThat(b.sequence()).isEqualTo(11);
                    });
        }

        @Test
        void givenFirstRemainingRecordDeleted_thenItIsMissing() {
            List<AuditRecord> records = chain(30);

            assertThat(verifyPurged(key, List.of(checkpoint(records, 1, 10, key)), records.subList(11, 30), records.getLast())
                    .firstBreak()).hasValueSatisfying(b -> {
                        assertThat(b.problem()).isEqualTo(AuditVerification.Problem.RECORD_MISSING);
                        assertThat(b.sequence()).isEqualTo(11);
                    });
        }

        @Test
        void givenFirstRemainingRecordRewrittenToAnotherPast_thenTheLinkToTheCheckpointBreaks() {
            List<AuditRecord> records = chain(30);
            AuditRecord r = records.get(10);
            String otherPrev = "f".repeat(64);
            String rehashed = AuditHash.of(r.sequence(), r.type(), r.ref(), r.at(), r.payload(), otherPrev);
            List<AuditRecord> remaining = new ArrayList<>(records.subList(10, 30));
            remaining.set(0, new AuditRecord(r.sequence(), r.type(), r.ref(), r.payload(), r.at(), otherPrev, rehashed));

            assertThat(verifyPurged(key, List.of(checkpoint(records, 1, 10, key)), remaining, records.getLast()).firstBreak())
                    .hasValueSatisfying(b -> {
                        assertThat(b.problem()).isEqualTo(AuditVerification.Problem.LINK_BROKEN);
                        assertThat(b.sequence()).isEqualTo(11);
                        assertThat(b.detail()).contains("checkpoint");
                    });
        }

        @Test
        void givenPurgedRecordStillPresent_thenNamed() {
            List<AuditRecord> records = chain(30);

            assertThat(verifyPurged(key, List.of(checkpoint(records, 1, 10, key)), records.subList(9, 30), records.getLast())
                    .firstBreak()).hasValueSatisfying(b -> {
                        assertThat(b.problem()).isEqualTo(AuditVerification.Problem.LINK_BROKEN);
                        assertThat(b.sequence()).isEqualTo(10);
                        assertThat(b.detail()).contains("still present");
                    });
        }

        @Test
        void givenCountThatDoesNotFitTheRange_thenBrokenEvenWithoutKey() {
            List<AuditRecord> records = chain(30);
            AuditCheckpoint real = checkpoint(records, 1, 10, key);
            AuditCheckpoint miscounted = new AuditCheckpoint(1, 10, real.firstPrevHash(), real.lastHash(), 9, real.at(),
                    real.keyId(), real.signature());

            assertThat(verifyPurged(null, List.of(miscounted), records.subList(10, 30), records.getLast()).firstBreak())
                    .hasValueSatisfying(b -> assertThat(b.problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_BROKEN));
        }

        @Test
        void startAfterChecksOnlyTheLatestSignature() {
            List<AuditRecord> records = chain(30);
            AuditChainVerifier continuing = new AuditChainVerifier(key);

            assertThat(continuing.startAfter(checkpoint(records, 11, 20, key))).isTrue();
            records.subList(20, 30).forEach(continuing::accept);
            assertThat(continuing.finish(30, records.getLast().hash()).ok()).isTrue();

            AuditChainVerifier forged = new AuditChainVerifier(key);
            assertThat(forged.startAfter(checkpoint(records, 11, 20, AuditSigningKey.of("x".repeat(40))))).isFalse();
        }

        @Test
        void givenShortKey_thenRefusedWithoutQuotingIt() {
            assertThatThrownBy(() -> AuditSigningKey.of("short-secret-value"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(AuditSigningKey.ENV).hasMessageNotContaining("short-secret-value");
            assertThat(AuditSigningKey.from(name -> "  ")).isEmpty();
            assertThat(key.toString()).doesNotContain("invented-test-key");
            assertThat(key.id()).hasSize(16).isEqualTo(AuditSigningKey.of("invented-test-key-0123456789-abcdefghij").id());
        }
    }

    @Test
    void givenSameFieldsSplitDifferently_thenHashesDiffer() {
        String one = AuditHash.of(1, "ab", "c", T0, "{}", AuditHash.GENESIS);
        String two = AuditHash.of(1, "a", "bc", T0, "{}", AuditHash.GENESIS);

        assertThat(one).isNotEqualTo(two).hasSize(64);
    }
}
