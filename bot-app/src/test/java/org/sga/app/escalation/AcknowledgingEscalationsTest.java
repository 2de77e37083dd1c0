package org.sga.app.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.app.escalation.EscalationFixture.CHILD_ONLINE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE;
import static org.sga.app.escalation.EscalationFixture.COLLEAGUE_IS_MANAGER;
import static org.sga.app.escalation.EscalationFixture.DSL_ACKNOWLEDGER;
import static org.sga.app.escalation.EscalationFixture.MONDAY_MORNING;
import static org.sga.app.escalation.EscalationFixture.REPORTER;
import static org.sga.app.escalation.EscalationFixture.onSlack;
import static org.sga.app.escalation.EscalationFixture.outcome;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sga.app.store.MutableClock;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.AcknowledgementOutcome.Status;
import org.sga.core.escalation.AcknowledgementService;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.Role;

class AcknowledgingEscalationsTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);

    private EscalationFixture fixture() {
        return new EscalationFixture(databases.open(Db.H2, clock), clock);
    }

    @Nested
    class WhoMay {

        @Test
        void givenAUserNotListedForTheRole_thenTheAcknowledgementIsRefusedAndTheChaseGoesOn() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            AcknowledgementOutcome refused = f.acknowledgements.acknowledge(raised.reference(), "safeguarding_lead",
                    Platform.SLACK, COLLEAGUE);

            assertThat(refused.status()).isEqualTo(Status.NOT_ALLOWED);
            assertThat(f.store.acknowledgements().find(raised.reference(), "safeguarding_lead")).isEmpty();
            assertThat(f.store.auditTrail().forRef(raised.reference())).hasSize(1);
        }

        @Test
        void givenAListedUserOnAnotherPlatformThanListed_thenTheyAreRefused() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            AcknowledgementOutcome refused = f.acknowledgements.acknowledge(raised.reference(), "safeguarding_lead",
                    Platform.CONSOLE, DSL_ACKNOWLEDGER);

            assertThat(refused.status()).isEqualTo(Status.NOT_ALLOWED);
        }

        @Test
        void givenAListedUser_thenTheAcknowledgementIsAcceptedAuditedAndTheReporterIsTold() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            clock.advance(Duration.ofMinutes(7));

            AcknowledgementOutcome accepted = f.acknowledgements.acknowledge(" " + raised.reference().toLowerCase() + " ",
                    "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);

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
        void givenARoleWithNobodyListed_thenAnyoneWhoSeesTheNoticeMayAcknowledge() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(f.acknowledgements.acknowledge(raised.reference(), "manager", Platform.SLACK, COLLEAGUE).status())
                    .isEqualTo(Status.ACCEPTED);
        }
    }

    @Nested
    class FirstWins {

        @Test
        void givenASecondAcknowledgement_thenItReportsTheFirstAndChangesNothing() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.acknowledgements.acknowledge(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);
            clock.advance(Duration.ofMinutes(2));

            AcknowledgementOutcome second = f.acknowledgements.acknowledge(raised.reference(), "safeguarding_lead",
                    Platform.TEAMS, "29:1exampleUserB");

            assertThat(second.status()).isEqualTo(Status.ALREADY_ACKNOWLEDGED);
            assertThat(second.standing()).hasValueSatisfying(a -> {
                assertThat(a.userId()).isEqualTo("slack:" + DSL_ACKNOWLEDGER);
                assertThat(a.at()).isEqualTo(MONDAY_MORNING);
            });
            assertThat(second.text()).contains("already acknowledged by slack:" + DSL_ACKNOWLEDGER + " at 10:00 GMT");
            assertThat(f.store.auditTrail().forRef(raised.reference())).hasSize(2);
            assertThat(f.store.outbox().entries(raised.reference()))
                    .filteredOn(e -> e.row().role().equals(AcknowledgementService.REPORTER)).hasSize(1);
        }

        @Test
        void givenTheReporterNotices_thenTheyAreDeliveredToTheReportersConversation() {
            EscalationFixture f = fixture();
            RecordingPlatform platform = new RecordingPlatform();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            f.acknowledgements.acknowledge(raised.reference(), "safeguarding_lead", Platform.SLACK, DSL_ACKNOWLEDGER);

            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
            }

            assertThat(platform.postedTo("D0" + REPORTER)).singleElement()
                    .satisfies(p -> assertThat(p.text()).contains("acknowledged it"));
        }
    }

    @Nested
    class WhatCannotBeAcknowledged {

        @Test
        void givenAnUnknownReference_thenItIsSaidSo() {
            EscalationFixture f = fixture();

            AcknowledgementOutcome unknown = f.acknowledgements.acknowledge("SG-20261207-ZZZZZZ", "manager",
                    Platform.CONSOLE, "alex");

            assertThat(unknown.status()).isEqualTo(Status.UNKNOWN_ESCALATION);
            assertThat(unknown.text()).isEqualTo("There is no escalation SG-20261207-ZZZZZZ.");
        }

        @Test
        void givenTheWithheldManager_thenThereIsNothingToAcknowledgeForThem() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(COLLEAGUE_IS_MANAGER), onSlack(REPORTER), null);

            AcknowledgementOutcome outcome = f.acknowledgements.acknowledge(raised.reference(), "manager",
                    Platform.SLACK, COLLEAGUE);

            assertThat(outcome.status()).isEqualTo(Status.ROLE_NOT_NOTIFIED);
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }

        @Test
        void givenNoSuchRole_thenItIsNotNotified() {
            EscalationFixture f = fixture();
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(f.acknowledgements.acknowledge(raised.reference(), "caretaker", Platform.SLACK, COLLEAGUE).status())
                    .isEqualTo(Status.ROLE_NOT_NOTIFIED);
        }
    }

    @Nested
    class FromTheConsole {

        private final Reporter console = new Reporter(Platform.CONSOLE, "alex", "alex", "console:alex");

        @Test
        void givenNoRoleAndTwoRolesWaiting_thenTheRoleMustBeNamedAndNothingIsAcknowledged() {
            EscalationFixture f = new EscalationFixture(databases.open(Db.H2, clock), clock, RoutingConfig.defaults());
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), console, null);

            AcknowledgementOutcome outcome = f.acknowledgements.acknowledge(raised.reference(), null, Platform.CONSOLE,
                    "duty-officer");

            assertThat(outcome.status()).isEqualTo(Status.ROLE_REQUIRED);
            assertThat(outcome.awaiting()).containsExactly(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            assertThat(outcome.text()).contains("ack " + raised.reference() + " manager",
                    "ack " + raised.reference() + " safeguarding_lead");
            assertThat(f.store.acknowledgements().forEscalation(raised.reference())).isEmpty();
        }

        @Test
        void givenNoRoleAndOneRoleLeftWaiting_thenThatRoleIsAcknowledged() {
            EscalationFixture f = new EscalationFixture(databases.open(Db.H2, clock), clock, RoutingConfig.defaults());
            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), console, null);
            f.acknowledgements.acknowledge(raised.reference(), "manager", Platform.CONSOLE, "duty-officer");

            AcknowledgementOutcome outcome = f.acknowledgements.acknowledge(raised.reference(), "", Platform.CONSOLE,
                    "duty-officer");

            assertThat(outcome.status()).isEqualTo(Status.ACCEPTED);
            assertThat(outcome.role()).isEqualTo(Role.SAFEGUARDING_LEAD);
            assertThat(f.acknowledgements.awaiting(raised.reference(), Platform.CONSOLE, "duty-officer")).isEmpty();
            assertThat(reporterRow(f, raised.reference(), "ack-safeguarding_lead").row().channelTarget())
                    .isEqualTo("console:alex");
        }
    }

    private static OutboxEntry reporterRow(EscalationFixture f, String ref, String attempt) {
        return f.store.outbox().entries(ref).stream()
                .filter(e -> e.row().role().equals(AcknowledgementService.REPORTER) && e.row().attempt().equals(attempt))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reporter row " + attempt));
    }
}
