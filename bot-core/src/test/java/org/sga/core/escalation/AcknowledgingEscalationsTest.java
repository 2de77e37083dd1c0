package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.COLLEAGUE;
import static org.sga.core.testkit.EscalationFixture.COLLEAGUE_IS_MANAGER;
import static org.sga.core.testkit.EscalationFixture.DSL_ACKNOWLEDGER;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.REPORTER;
import static org.sga.core.testkit.EscalationFixture.onSlack;
import static org.sga.core.testkit.EscalationFixture.outcome;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.AcknowledgementOutcome.Status;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.sga.core.testkit.RecordingPlatform;
import org.sga.core.testkit.Roster;
import org.sga.core.triage.Role;

/**
 * Who may acknowledge, as one policy for every platform: the people listed for a role, or, where nobody is, the
 * members of its channel or its backup's channel as the platform says at that moment; never the reporter; a button
 * only for its own notice. Every refusal reads the same and is audited with its reason. The core's ports in memory;
 * the platform's roster is {@link Roster}.
 */
class AcknowledgingEscalationsTest {


    /** One invented team on Slack whose roles list nobody: channel members acknowledge. */
    static final RoutingConfig NOBODY_LISTED = RoutingConfig.parse(new StringReader("""
            organisations:
              - id: example-org
                teams:
                  - id: school
                    roles:
                      manager: {channel: {slack: C0MGR}, backup: {slack: C0MGR2}}
                      safeguarding_lead: {channel: {slack: C0DSL}, backup: {slack: C0DSL2}}
                      allegations_officer: {channel: {slack: C0LADO}, backup: {slack: C0LADO2}}
                      out_of_hours: {channel: {slack: C0OOH}, backup: {slack: C0OOH2}}
                      governance_lead: {channel: {slack: C0GOV}, backup: {slack: C0GOV2}}
            """), "nobody-listed.yml");

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);

    private EscalationFixture fixture() {
        return EscalationFixture.inMemory(clock);
    }

    private EscalationFixture nobodyListed() {
        return EscalationFixture.inMemory(clock, NOBODY_LISTED);
    }

    /** The reasons audited for refused attempts on {@code ref}, in order. */
    private static List<String> refusals(EscalationFixture f, String ref) {
        return f.store.auditTrail().forRef(ref).stream()
                .filter(r -> r.type().equals(EscalationRecords.ACKNOWLEDGEMENT_REFUSED))
                .map(r -> r.payload().replaceAll(".*\"reason\":\"([a-z_]+)\".*", "$1"))
                .toList();
    }

    @Nested
    class ListedPeople {

        @Test
        void givenAStrangersTypedAck_thenRefusedAuditedAndTheChaseGoesOnToTheBackup() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            AcknowledgementOutcome refused = f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0STRANGER");

            assertThat(refused.status()).isEqualTo(Status.REFUSED);
            assertThat(refused.text()).isEqualTo(AcknowledgementOutcome.REFUSAL).doesNotContain(raised.reference());
            assertThat(f.store.acknowledgements().find(raised.reference(), "safeguarding_lead")).isEmpty();
            assertThat(refusals(f, raised.reference())).containsExactly("not_listed_for_role");
            assertThat(f.store.auditTrail().forRef(raised.reference()).getLast().payload())
                    .contains("\"by\":\"slack:U0STRANGER\"", "\"via\":\"typed\"", "\"role\":\"safeguarding_lead\"");

            clock.advance(Duration.ofMinutes(31));
            f.reEscalator("r1").runOnce();
            assertThat(f.store.outbox().entries(raised.reference()))
                    .anySatisfy(e -> {
                        assertThat(e.row().attempt()).isEqualTo(OutboxRow.BACKUP);
                        assertThat(e.row().role()).isEqualTo("safeguarding_lead");
                    });
            assertThat(f.store.outbox().openEscalations()).extracting(e -> e.ref()).contains(raised.reference());
        }

        @Test
        void givenAListedUserOnAnotherPlatformThanListed_thenTheyAreRefused() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.CONSOLE, DSL_ACKNOWLEDGER).status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("not_listed_for_role");
        }

        @Test
        void givenAListedUser_thenAcceptedAuditedAndTheReporterIsTold() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            clock.advance(Duration.ofMinutes(7));

            AcknowledgementOutcome accepted = f.typedAck(" " + raised.reference().toLowerCase() + " ", "safeguarding_lead",
                    Platform.SLACK, DSL_ACKNOWLEDGER);

            assertThat(accepted.status()).isEqualTo(Status.ACCEPTED);
            assertThat(accepted.standing()).hasValueSatisfying(a -> {
                assertThat(a.userId()).isEqualTo("slack:" + DSL_ACKNOWLEDGER);
                assertThat(a.at()).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(7)));
            });
            assertThat(accepted.text()).contains("Acknowledged " + raised.reference(), "10:07 GMT");
            List<AuditRecord> audit = f.store.auditTrail().forRef(raised.reference());
            assertThat(audit).extracting(AuditRecord::type)
                    .containsExactly(EscalationRecords.RAISED, EscalationRecords.ACKNOWLEDGED);
            assertThat(audit.get(1).payload()).contains("\"role\":\"safeguarding_lead\"", "slack:" + DSL_ACKNOWLEDGER);
            OutboxEntry toReporter = reporterRow(f, raised.reference(), "ack-safeguarding_lead");
            assertThat(toReporter.row().platform()).isEqualTo("slack");
            assertThat(toReporter.row().channelTarget()).isEqualTo("D0" + REPORTER);
            assertThat(toReporter.row().ackDeadline()).isNull();
            assertThat(toReporter.row().payload()).contains(raised.reference(), "Designated safeguarding lead",
                    "slack:" + DSL_ACKNOWLEDGER, "10:07 GMT");
        }

        @Test
        void givenAListedPersonWhoIsNotInTheChannel_thenTheListDecidesAndNoPlatformIsAsked() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join(EscalationFixture.DSL_CHANNEL, COLLEAGUE);

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, COLLEAGUE).status())
                    .isEqualTo(Status.REFUSED);
            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER).status())
                    .isEqualTo(Status.ACCEPTED);
            assertThat(f.roster.asked()).isEmpty();
        }
    }

    @Nested
    class NobodyListed {

        @Test
        void givenAMemberOfTheRolesChannel_thenAcceptedAndThePlatformWasAskedThen() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD");

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0LEAD").status())
                    .isEqualTo(Status.ACCEPTED);
            assertThat(f.roster.asked()).containsExactly("C0DSL");
        }

        @Test
        void givenAMemberOfTheBackupsChannelOnly_thenAccepted() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL2", "U0DEPUTY");

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0DEPUTY").status())
                    .isEqualTo(Status.ACCEPTED);
        }

        @Test
        void givenAStrangerInNeitherChannel_thenRefusedAndTheRoleStaysOpen() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD").join("C0MGR", "U0STRANGER");

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0STRANGER").status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("not_in_role_or_backup_channel");
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }

        @Test
        void givenThePlatformCannotSay_thenRefusedNeverTakenForAYes() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD").unreachable();

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0LEAD").status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("platform_could_not_say");
        }

        @Test
        void givenAMemberActingFromAnotherPlatform_thenRefused() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD");

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.TEAMS, "U0LEAD").status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("role_not_on_this_platform");
        }
    }

    @Nested
    class TheReporter {

        @Test
        void givenTheReporterInTheRolesChannel_thenTheirOwnAckIsRefused() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", REPORTER);

            AcknowledgementOutcome own = f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, REPORTER);

            assertThat(own.status()).isEqualTo(Status.REFUSED);
            assertThat(own.text()).isEqualTo(AcknowledgementOutcome.REFUSAL);
            assertThat(refusals(f, raised.reference())).containsExactly("reporter");
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }

        @Test
        void givenTheReporterListedForTheRole_thenStillRefused() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(DSL_ACKNOWLEDGER), null);

            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER).status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("reporter");
        }

        @Test
        void givenTheReporterOnTheConsole_thenRefusedWithoutARoleToo() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), new Reporter(Platform.CONSOLE, "dsl", "dsl",
                    "console:dsl"), null);

            assertThat(f.typedAck(raised.reference(), null, Platform.CONSOLE, "dsl").status()).isEqualTo(Status.REFUSED);
            assertThat(f.typedAck(raised.reference(), "safeguarding_lead", Platform.CONSOLE, "dsl").status())
                    .isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("reporter", "reporter");
        }
    }

    @Nested
    class Buttons {

        @Test
        void givenAClickCarryingAnotherEscalationsReferenceOnThisNotice_thenRefused() {
            EscalationFixture f = nobodyListed();
            Raised mine = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            Raised other = f.escalations.raise(outcome(CHILD_ONLINE), onSlack("U0OTHERREPORTER"), null);
            deliver(f);
            f.roster.join("C0DSL", "U0LEAD");
            String noticeOfMine = noticeId(f, mine.reference(), "safeguarding_lead");

            AcknowledgementOutcome crossed = f.acknowledgements.acknowledge(AcknowledgeRequest.button(other.reference(),
                    "safeguarding_lead", new Actor(Platform.SLACK, "U0LEAD"), noticeOfMine));

            assertThat(crossed.status()).isEqualTo(Status.REFUSED);
            assertThat(refusals(f, other.reference())).containsExactly("notice_of_another_escalation_or_role");
            assertThat(f.store.acknowledgements().forEscalation(other.reference())).isEmpty();
            assertThat(f.acknowledgements.acknowledge(AcknowledgeRequest.button(mine.reference(), "safeguarding_lead",
                    new Actor(Platform.SLACK, "U0LEAD"), noticeOfMine)).status()).isEqualTo(Status.ACCEPTED);
        }

        @Test
        void givenAClickCarryingAnotherRoleOfTheSameEscalation_thenRefused() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            deliver(f);
            f.roster.join("C0DSL", "U0LEAD").join("C0MGR", "U0LEAD");

            AcknowledgementOutcome crossed = f.acknowledgements.acknowledge(AcknowledgeRequest.button(raised.reference(),
                    "manager", new Actor(Platform.SLACK, "U0LEAD"), noticeId(f, raised.reference(), "safeguarding_lead")));

            assertThat(crossed.status()).isEqualTo(Status.REFUSED);
            assertThat(f.store.acknowledgements().find(raised.reference(), "manager")).isEmpty();
        }

        @Test
        void givenAClickOnANoticeNeverDelivered_thenRefused() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD");

            assertThat(f.acknowledgements.acknowledge(AcknowledgeRequest.button(raised.reference(), "safeguarding_lead",
                    new Actor(Platform.SLACK, "U0LEAD"), "C0DSL:1700000000.000100")).status()).isEqualTo(Status.REFUSED);
        }

        private static void deliver(EscalationFixture f) {
            try (OutboxWorker worker = f.worker("w1", new RecordingPlatform())) {
                worker.runOnce();
            }
        }

        private static String noticeId(EscalationFixture f, String ref, String role) {
            return f.store.outbox().entries(ref).stream()
                    .filter(e -> e.row().role().equals(role) && e.platformMessageId() != null)
                    .findFirst().orElseThrow().platformMessageId();
        }
    }

    @Nested
    class WithoutARole {

        @Test
        void givenAllowedForTwoRoles_thenRefusedAndNothingAcknowledged() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0BOTH").join("C0MGR", "U0BOTH");

            AcknowledgementOutcome outcome = f.typedAck(raised.reference(), null, Platform.SLACK, "U0BOTH");

            assertThat(outcome.status()).isEqualTo(Status.REFUSED);
            assertThat(refusals(f, raised.reference())).containsExactly("role_required");
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }

        @Test
        void givenAllowedForOneRole_thenThatRoleIsAcknowledged() {
            EscalationFixture f = nobodyListed();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.roster.join("C0DSL", "U0LEAD");

            AcknowledgementOutcome outcome = f.typedAck(raised.reference(), "", Platform.SLACK, "U0LEAD");

            assertThat(outcome.status()).isEqualTo(Status.ACCEPTED);
            assertThat(outcome.role()).isEqualTo(Role.SAFEGUARDING_LEAD);
            assertThat(f.store.acknowledgements().find(raised.reference(), "manager")).isEmpty();
        }
    }

    @Nested
    class EveryRefusalLooksTheSame {

        @Test
        void givenUnknownReferenceUnnotifiedRoleAndNoSuchRole_thenTheSameLineAndEachReasonAudited() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), onSlack(REPORTER), null);

            List<AcknowledgementOutcome> outcomes = List.of(
                    f.typedAck("SG-20261207-ZZZZZZ", "manager", Platform.CONSOLE, "alex"),
                    f.typedAck(raised.reference(), "manager", Platform.SLACK, COLLEAGUE),
                    f.typedAck(raised.reference(), "caretaker", Platform.SLACK, COLLEAGUE),
                    f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, "U0STRANGER"));

            assertThat(outcomes).extracting(AcknowledgementOutcome::text).containsOnly(AcknowledgementOutcome.REFUSAL);
            assertThat(refusals(f, raised.reference()))
                    .containsExactly("role_not_notified", "role_not_notified", "not_listed_for_role");
            assertThat(f.store.auditTrail().forRef("unknown-escalation")).singleElement()
                    .satisfies(r -> assertThat(r.payload()).contains("\"reason\":\"unknown_escalation\"",
                            "\"reference\":\"SG-20261207-ZZZZZZ\""));
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }
    }

    @Nested
    class FirstWins {

        @Test
        void givenASecondAcknowledgement_thenItReportsTheFirstAndChangesNothing() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);
            clock.advance(Duration.ofMinutes(2));

            AcknowledgementOutcome second = f.typedAck(raised.reference(), "safeguarding_lead", Platform.TEAMS,
                    "29:1exampleUserB");

            assertThat(second.status()).isEqualTo(Status.ALREADY_ACKNOWLEDGED);
            assertThat(second.standing()).hasValueSatisfying(a -> {
                assertThat(a.userId()).isEqualTo("slack:" + DSL_ACKNOWLEDGER);
                assertThat(a.at()).isEqualTo(MONDAY_MORNING);
            });
            assertThat(second.text()).contains("already acknowledged by slack:" + DSL_ACKNOWLEDGER + " at 10:00 GMT");
            assertThat(f.store.auditTrail().forRef(raised.reference())).hasSize(2);
            assertThat(f.store.outbox().entries(raised.reference()))
                    .filteredOn(e -> e.row().role().equals(OutboxRow.REPORTER)).hasSize(1);
        }

        @Test
        void givenTheReporterNotices_thenTheyAreDeliveredToTheReportersConversation() {
            EscalationFixture f = fixture();
            RecordingPlatform platform = new RecordingPlatform();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.typedAck(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);

            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
            }

            assertThat(platform.postedTo("D0" + REPORTER)).singleElement()
                    .satisfies(p -> assertThat(p.text()).contains("acknowledged it"));
        }
    }

    private static OutboxEntry reporterRow(EscalationFixture f, String ref, String attempt) {
        return f.store.outbox().entries(ref).stream()
                .filter(e -> e.row().role().equals(OutboxRow.REPORTER) && e.row().attempt().equals(attempt))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reporter row " + attempt));
    }
}
