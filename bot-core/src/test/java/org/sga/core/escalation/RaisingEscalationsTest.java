package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sga.core.testkit.EscalationFixture.ADULT_OUTSIDE_WORK;
import static org.sga.core.testkit.EscalationFixture.CHILD_ONLINE;
import static org.sga.core.testkit.EscalationFixture.COLLEAGUE;
import static org.sga.core.testkit.EscalationFixture.DSL_BACKUP;
import static org.sga.core.testkit.EscalationFixture.DSL_CHANNEL;
import static org.sga.core.testkit.EscalationFixture.ENGINE;
import static org.sga.core.testkit.EscalationFixture.MANAGER_CHANNEL;
import static org.sga.core.testkit.EscalationFixture.MONDAY_MORNING;
import static org.sga.core.testkit.EscalationFixture.OUT_OF_HOURS_CHANNEL;
import static org.sga.core.testkit.EscalationFixture.REPORTER;
import static org.sga.core.testkit.EscalationFixture.WEDNESDAY_EVENING;
import static org.sga.core.testkit.EscalationFixture.onSlack;
import static org.sga.core.testkit.EscalationFixture.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.audit.AuditRecord;
import org.sga.core.escalation.Channel;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.OfficeHours;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.Organisation;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.RaisedEscalation;
import org.sga.core.escalation.Raised;
import org.sga.core.escalation.Reporter;
import org.sga.core.escalation.RoleRoute;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.escalation.Team;
import org.sga.core.testkit.EscalationFixture;
import org.sga.core.testkit.MutableClock;
import org.sga.core.testkit.RecordingPlatform;
import org.sga.core.triage.Action;
import org.sga.core.triage.AnswerOption;
import org.sga.core.triage.Question;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

class RaisingEscalationsTest {


    private final MutableClock clock = new MutableClock(MONDAY_MORNING);

    private EscalationFixture fixture() {
        return EscalationFixture.inMemory(clock);
    }

    @Nested
    class RecordedBeforeSent {

        @Test
        void givenCompletedTriage_whenRaised_thenTheAuditRecordAndOneUndeliveredRowPerRoleAreStored() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(raised.reference()).matches("SG-20261207-[2-9A-HJ-NP-Z]{6}");
            assertThat(raised.routing().notifiedRoles()).containsExactly(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            assertThat(raised.undeliverable()).isEmpty();
            List<AuditRecord> audit = f.store.auditTrail().forRef(raised.reference());
            assertThat(audit).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo(EscalationRecords.RAISED));
            List<OutboxEntry> rows = f.store.outbox().entries(raised.reference());
            assertThat(rows).extracting(e -> e.row().channelTarget()).containsExactlyInAnyOrder(MANAGER_CHANNEL, DSL_CHANNEL);
            assertThat(rows).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(e.attempts()).isZero();
                assertThat(e.row().platform()).isEqualTo("slack");
                assertThat(e.row().attempt()).isEqualTo(OutboxRow.INITIAL);
                assertThat(e.row().urgency()).isEqualTo("URGENT");
                assertThat(e.row().ackDeadline()).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(30)));
            });
        }

        @Test
        void givenAnEscalationBeingDelivered_thenThePlatformNeverReceivesANoticeThatIsNotAlreadyAudited() {
            EscalationFixture f = fixture();
            AtomicInteger unaudited = new AtomicInteger();
            RecordingPlatform platform = new RecordingPlatform().onPost(message -> {
                if (f.records.find(message.row().escalationRef()).isEmpty()) {
                    unaudited.incrementAndGet();
                }
            });

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);
            try (OutboxWorker worker = f.worker("w1", platform)) {
                worker.runOnce();
            }

            assertThat(platform.posted()).hasSize(2);
            assertThat(unaudited).hasValue(0);
            assertThat(f.store.outbox().entries(raised.reference()))
                    .filteredOn(e -> !e.row().role().equals(OutboxRow.REPORTER))
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED));
        }

        @Test
        void givenTheAuditRecord_thenItHoldsRoutingAndHashesButNotTheNote() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), "Invented note about the gate");

            String payload = f.store.auditTrail().forRef(raised.reference()).getFirst().payload();
            assertThat(payload).doesNotContain("Invented", "gate").contains("\"note\":true");
            RaisedEscalation recorded = f.records.find(raised.reference()).orElseThrow();
            assertThat(recorded.teamId()).isEqualTo("brookfield-primary");
            assertThat(recorded.answers()).isEqualTo(CHILD_ONLINE);
            assertThat(recorded.actionCodes()).contains("SAFER_REFERRAL", "CONTACT_POLICE");
            assertThat(recorded.reporter().userId()).isEqualTo(REPORTER);
            RaisedEscalation.NotifiedRole lead = recorded.role(Role.SAFEGUARDING_LEAD).orElseThrow();
            assertThat(lead.target()).isEqualTo(DSL_CHANNEL);
            assertThat(lead.backup()).contains(DSL_BACKUP);
            OutboxEntry leadRow = f.store.outbox().entries(raised.reference()).stream()
                    .filter(e -> e.row().role().equals("safeguarding_lead")).findFirst().orElseThrow();
            assertThat(lead.messageSha256()).isEqualTo(sha256(leadRow.row().payload()));
            assertThat(f.store.auditTrail().verify().ok()).isTrue();
        }
    }

    @Nested
    class Routed {

        @Test
        void givenOutsideOfficeHours_thenOutOfHoursIsNotifiedInsteadOfTheManager() {
            clock.advance(Duration.between(MONDAY_MORNING, WEDNESDAY_EVENING));
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(raised.routing().insideOfficeHours()).isFalse();
            assertThat(raised.routing().notifiedRoles()).containsExactly(Role.SAFEGUARDING_LEAD, Role.OUT_OF_HOURS);
            assertThat(f.store.outbox().entries(raised.reference())).extracting(e -> e.row().channelTarget())
                    .containsExactlyInAnyOrder(DSL_CHANNEL, OUT_OF_HOURS_CHANNEL);
            assertThat(raised.reference()).startsWith("SG-20261209-");
        }

        @Test
        void givenAReporterInNoTeam_thenTheDefaultTeamIsUsed() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack("U0NOBODY"), null);

            assertThat(raised.routing().teamId()).isEqualTo("brookfield-primary");
        }

        @Test
        void givenAReporterInAnotherTeam_thenThatTeamsChannelsOnTheReportersPlatformAreUsed() {
            EscalationFixture f = fixture();
            Reporter fosterer = new Reporter(Platform.TEAMS, "29:1exampleUserC", "Sam Example", "a:1exampleChat");

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), fosterer, null);

            assertThat(raised.routing().teamId()).isEqualTo("eastmoor-fostering");
            assertThat(f.store.outbox().entries(raised.reference())).extracting(e -> e.row().channelTarget())
                    .containsExactlyInAnyOrder("19:example-fostering-managers@thread.tacv2",
                            "19:example-fostering-safeguarding@thread.tacv2");
        }

        @Test
        void givenARoleWithNoChannelOnTheReportersPlatform_thenItIsNotifiedOnAnotherConnectedPlatform() {
            EscalationFixture f = EscalationFixture.inMemory(clock, leadOnlyOnTeams());

            Raised raised = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack(REPORTER), null);

            assertThat(raised.undeliverable()).isEmpty();
            assertThat(f.store.outbox().entries(raised.reference()))
                    .extracting(e -> e.row().platform() + ":" + e.row().channelTarget())
                    .containsExactlyInAnyOrder("slack:slack-managers", "teams:teams-dsl");
            RaisedEscalation.NotifiedRole lead = f.records.find(raised.reference()).orElseThrow()
                    .role(Role.SAFEGUARDING_LEAD).orElseThrow();
            assertThat(lead.platform()).isEqualTo(Platform.TEAMS);
            assertThat(lead.backupPlatform()).isEqualTo(Platform.TEAMS);
        }

        @Test
        void givenARoleWithNoChannelOnAnyConnectedPlatform_thenItsBackupIsNotifiedAtOnceAndItStaysOpen() {
            EscalationFixture f = EscalationFixture.inMemory(clock, leadOnlyOnTeamsBackedUpOnSlack(),
                    java.util.EnumSet.of(Platform.SLACK));

            Raised raised = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack(REPORTER), null);

            assertThat(raised.undeliverable()).containsExactly(Role.SAFEGUARDING_LEAD);
            assertThat(raised.backupInstead()).containsExactly(Role.SAFEGUARDING_LEAD);
            List<OutboxRow> rows = f.store.outbox().entries(raised.reference()).stream().map(OutboxEntry::row).toList();
            assertThat(rows).extracting(r -> r.attempt() + ":" + r.channelTarget())
                    .containsExactlyInAnyOrder("initial:slack-managers", "backup:slack-deputy-dsl");
            assertThat(rows).filteredOn(r -> r.attempt().equals(OutboxRow.BACKUP)).singleElement()
                    .satisfies(r -> assertThat(r.payload()).startsWith("NOTICE for Designated safeguarding lead, who cannot"
                            + " be reached").contains("ack " + raised.reference() + " safeguarding_lead"));
            assertThat(f.store.acknowledgements().chase(raised.reference())).extracting(c -> c.awaited().role() + "/"
                    + c.awaited().step()).containsExactlyInAnyOrder("manager/initial", "safeguarding_lead/backup");
            assertThat(f.records.find(raised.reference()).orElseThrow().undeliverable())
                    .containsExactly(Role.SAFEGUARDING_LEAD);
        }

        @Test
        void givenNoRoleReachableAtAll_thenItIsOpenCountedAsUnreachedAndTheReporterIsToldToPhone() {
            EscalationFixture f = EscalationFixture.inMemory(clock, leadOnlyOnTeams(),
                    java.util.EnumSet.of(Platform.CONSOLE));

            Raised raised = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack(REPORTER), null);

            assertThat(raised.undeliverable()).containsExactly(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            assertThat(f.store.outbox().entries(raised.reference())).isEmpty();
            assertThat(f.store.outbox().openEscalations()).extracting(OpenEscalation::ref).containsExactly(raised.reference());
            assertThat(f.store.outbox().depth().unreached()).isEqualTo(1);

            f.reEscalator("r1").runOnce();

            assertThat(f.store.outbox().entries(raised.reference())).extracting(e -> e.row().role() + "/" + e.row().attempt())
                    .containsExactlyInAnyOrder("reporter/phone-manager", "reporter/phone-safeguarding_lead");
            assertThat(f.store.outbox().openEscalations()).extracting(OpenEscalation::ref).containsExactly(raised.reference());
            assertThat(f.store.outbox().depth().unreached()).isEqualTo(1);
            assertThat(f.acknowledgements.acknowledge(AcknowledgeRequest.typed(raised.reference(), "safeguarding_lead",
                    new Actor(Platform.SLACK, COLLEAGUE))).accepted()).isTrue();
            assertThat(f.store.outbox().depth().unreached()).isZero();
        }

        @Test
        void givenAStandardConcern_thenTheDeadlineIsFourHours() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack(REPORTER), null);

            assertThat(raised.routing().urgency()).isEqualTo(Urgency.STANDARD);
            assertThat(raised.routing().acknowledgeBy()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(4)));
        }
    }

    @Nested
    class Idempotent {

        @Test
        void givenTheSameReferenceRaisedAgain_thenNothingNewIsWrittenAndTheSameEscalationIsReturned() {
            EscalationFixture f = fixture();
            String ref = f.escalations.newReference(onSlack(REPORTER));
            Raised first = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), "Invented note", ref);
            clock.advance(Duration.ofSeconds(20));

            Raised again = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), "Invented note", ref);

            assertThat(again.reference()).isEqualTo(first.reference()).isEqualTo(ref);
            assertThat(again.routing().notifiedRoles()).isEqualTo(first.routing().notifiedRoles());
            assertThat(again.routing().acknowledgeBy()).isEqualTo(first.routing().acknowledgeBy());
            assertThat(f.store.auditTrail().forRef(ref)).hasSize(1);
            assertThat(f.store.outbox().entries(ref)).hasSize(2);
        }

        @Test
        void givenAReferenceAlreadyUsedByAnotherEscalation_thenANewReferenceIsTaken() {
            EscalationFixture f = fixture();
            String ref = "SG-20261207-AAAAAA";
            f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null, ref);

            Raised other = f.escalations.raise(outcome(ADULT_OUTSIDE_WORK), onSlack("U0EXAMPLE03"), null, ref);

            assertThat(other.reference()).isNotEqualTo(ref).startsWith("SG-20261207-");
            assertThat(f.records.find(ref).orElseThrow().answers()).isEqualTo(CHILD_ONLINE);
            assertThat(f.records.find(other.reference()).orElseThrow().answers()).isEqualTo(ADULT_OUTSIDE_WORK);
        }
    }

    @Nested
    class Message {

        @Test
        void givenANote_thenEveryRoleReceivesItAndNothingElseTyped() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), "  Invented: seen by the gate  ");

            assertThat(f.store.outbox().entries(raised.reference())).allSatisfy(e -> {
                assertThat(e.row().payload()).contains("Note from the reporter:\nInvented: seen by the gate");
                assertThat(linesNotFromTheDefinition(e.row().payload(), raised.reference()))
                        .containsExactly("Note from the reporter:", "Invented: seen by the gate");
            });
        }

        @Test
        void givenNoNote_thenEveryLineComesFromTheDefinitionTheRoutingOrThePlatform() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            assertThat(f.store.outbox().entries(raised.reference())).allSatisfy(e -> {
                assertThat(e.row().payload()).doesNotContain("Note from the reporter", "D0" + REPORTER);
                assertThat(linesNotFromTheDefinition(e.row().payload(), raised.reference())).isEmpty();
            });
        }

        @Test
        void givenTheNotice_thenItShowsReferenceUrgencyConcernAnswersActionsReporterAndLondonTime() {
            EscalationFixture f = fixture();

            Raised raised = f.escalations.raise(outcome(CHILD_ONLINE), onSlack(REPORTER), null);

            String lead = f.store.outbox().entries(raised.reference()).stream()
                    .filter(e -> e.row().role().equals("safeguarding_lead")).findFirst().orElseThrow().row().payload();
            assertThat(lead).contains("[URGENT] Safeguarding escalation " + raised.reference(),
                    "Concern: Child harmed or at risk online",
                    "Raised: Mon 7 Dec 2026 10:00 GMT by Alex Example (U0EXAMPLE01)",
                    "- Have the images or videos been posted or shared online? Yes",
                    "- Refer to the police",
                    "Acknowledge by 10:30: ack " + raised.reference() + " safeguarding_lead");
        }
    }

    /**
     * The lines of a notice that are neither its fixed frame nor a question with its answer label nor an action title
     * from the triage definition: what is left can only be typed text.
     */
    private static List<String> linesNotFromTheDefinition(String notice, String ref) {
        List<String> known = new ArrayList<>();
        for (Question q : ENGINE.definition().questions()) {
            for (AnswerOption o : q.options()) {
                known.add("- " + q.prompt() + " " + o.label());
            }
        }
        for (Action a : ENGINE.definition().actions()) {
            known.add("- " + a.title());
        }
        outcome(CHILD_ONLINE).actionGroups().forEach(g -> known.add(g.noticeHeading() + ":"));
        Pattern frame = Pattern.compile("\\[(EMERGENCY|URGENT|STANDARD)] Safeguarding escalation " + ref
                + "|For: [A-Za-z ()-]+|Concern: .+|Raised: \\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} \\w{3,4} by Alex Example \\(U0EXAMPLE01\\)"
                + "|Answers:|Acknowledge by [\\w :]+: ack " + ref + " [a-z_]+"
                + "|Images and files are never forwarded: do not ask for them to be sent\\.|");
        List<String> concerns = ENGINE.definition().question("concern_about").orElseThrow().options().stream()
                .map(o -> "Concern: " + ENGINE.definition().categoryLabel(o.value()).orElseThrow()).toList();
        return notice.lines()
                .filter(line -> !known.contains(line))
                .filter(line -> !frame.matcher(line).matches() || line.startsWith("Concern: ") && !concerns.contains(line))
                .toList();
    }

    /** Brookfield with the safeguarding lead reachable on Teams only. */
    private static RoutingConfig leadOnlyOnTeams() {
        Map<Role, RoleRoute> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new RoleRoute(new Channel(Map.of(Platform.SLACK, "slack-" + role.id(), Platform.CONSOLE,
                    role.id())), new Channel(Map.of(Platform.SLACK, "slack-backup-" + role.id())), Map.of()));
        }
        roles.put(Role.MANAGER, new RoleRoute(new Channel(Map.of(Platform.SLACK, "slack-managers")),
                new Channel(Map.of(Platform.SLACK, "slack-deputies")), Map.of()));
        // The colleague is the one listed for the lead, so an acknowledgement can close the escalation.
        roles.put(Role.SAFEGUARDING_LEAD, new RoleRoute(new Channel(Map.of(Platform.TEAMS, "teams-dsl")),
                new Channel(Map.of(Platform.TEAMS, "teams-deputy-dsl")),
                Map.of(Platform.SLACK, java.util.Set.of(EscalationFixture.COLLEAGUE))));
        Team team = new Team("t", "Team", "o", Map.of(), OfficeHours.defaults(), roles);
        return new RoutingConfig(List.of(new Organisation("o", "Org", List.of(team))), "t", Map.of());
    }

    /** As above, with the lead's backup on Slack. */
    private static RoutingConfig leadOnlyOnTeamsBackedUpOnSlack() {
        RoutingConfig base = leadOnlyOnTeams();
        Team team = base.defaultTeam();
        Map<Role, RoleRoute> roles = new EnumMap<>(team.roles());
        roles.put(Role.SAFEGUARDING_LEAD, new RoleRoute(new Channel(Map.of(Platform.TEAMS, "teams-dsl")),
                new Channel(Map.of(Platform.SLACK, "slack-deputy-dsl")), Map.of()));
        Team changed = new Team(team.id(), team.name(), team.organisationId(), team.members(), team.officeHours(), roles);
        return new RoutingConfig(List.of(new Organisation("o", "Org", List.of(changed))), "t", Map.of());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
