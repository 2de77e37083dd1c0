package org.sga.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void givenSameFieldsSplitDifferently_thenHashesDiffer() {
        String one = AuditHash.of(1, "ab", "c", T0, "{}", AuditHash.GENESIS);
        String two = AuditHash.of(1, "a", "bc", T0, "{}", AuditHash.GENESIS);

        assertThat(one).isNotEqualTo(two).hasSize(64);
    }
}
