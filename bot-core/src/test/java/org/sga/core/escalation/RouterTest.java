package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.triage.KnownSections;
import org.sga.core.triage.Role;
import org.sga.core.triage.TriageEngine;
import org.sga.core.triage.TriageOracle;
import org.sga.core.triage.TriageOutcome;

class RouterTest {

    private static final TriageEngine ENGINE = KnownSections.engine();
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant WEDNESDAY_EVENING = Instant.parse("2026-12-09T19:45:00Z");

    private final RoutingConfig example = RoutingConfigTest.example();
    private final Router router = new Router(example, Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC));

    private static final Map<String, String> CHILD_ONLINE = Map.of("immediate_danger", "no",
            "concern_about", "child_harmed", "images_involved", "yes", "images_online", "yes",
            "child_posted_own_image", "no");
    private static final Map<String, String> COLLEAGUE_IS_MANAGER = Map.of("immediate_danger", "no",
            "concern_about", "colleague", "images_involved", "no", "colleague_is_manager", "yes",
            "colleague_is_safeguarding_lead", "no");
    /** The DSL is the subject; the reporter can tell their line manager. */
    private static final Map<String, String> DSL_IS_SUBJECT = Map.of("immediate_danger", "no",
            "concern_about", "colleague", "images_involved", "no", "colleague_is_manager", "no",
            "confident_to_tell_manager", "yes", "colleague_is_safeguarding_lead", "yes");

    @Nested
    class OfficeHoursDecide {

        @Test
        void givenAnOpenManagerRouteInsideOfficeHours_thenManagerAndSafeguardingLeadAreNotified() {
            Routing routing = router.route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary");

            assertThat(routing.insideOfficeHours()).isTrue();
            assertThat(routing.notifiedRoles()).containsExactly(Role.MANAGER, Role.SAFEGUARDING_LEAD);
            RoutedRole manager = routing.roles().getFirst();
            assertThat(manager.channel().target(Platform.SLACK)).contains("C0EXMGR001");
            assertThat(manager.backup().target(Platform.SLACK)).contains("C0EXMGR002");
        }

        @Test
        void givenOutsideOfficeHours_thenOutOfHoursInsteadOfManager() {
            Routing routing = router.route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary", WEDNESDAY_EVENING);

            assertThat(routing.insideOfficeHours()).isFalse();
            assertThat(routing.notifiedRoles()).containsExactly(Role.SAFEGUARDING_LEAD, Role.OUT_OF_HOURS);
        }

        @Test
        void givenALocalTime_thenItIsReadInTheTeamsTimeZone() {
            // 16:30 in London in June; read as UTC it would be 17:30 London time, after hours.
            Routing routing = router.route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary",
                    LocalDateTime.parse("2026-06-10T16:30"));

            assertThat(routing.insideOfficeHours()).isTrue();
            assertThat(routing.at()).isEqualTo(Instant.parse("2026-06-10T15:30:00Z"));
        }

        @Test
        void givenABankHoliday_thenOutOfHoursIsNotified() {
            Routing routing = router.route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary",
                    LocalDateTime.parse("2026-12-28T10:00"));

            assertThat(routing.notifiedRoles()).contains(Role.OUT_OF_HOURS).doesNotContain(Role.MANAGER);
        }
    }

    @Nested
    class ManagerRouteClosed {

        @Test
        void givenColleagueIsManager_thenManagerIsNotNotified() {
            Routing routing = router.route(ENGINE.evaluate(COLLEAGUE_IS_MANAGER), "brookfield-primary");

            assertThat(routing.insideOfficeHours()).isTrue();
            assertThat(routing.notifiedRoles()).containsExactly(Role.SAFEGUARDING_LEAD, Role.ALLEGATIONS_OFFICER);
        }

        @Test
        void givenAConfigBuiltInCodeWhereABackupIsTheManagersChannel_thenThatTargetIsDropped() {
            Team team = example.defaultTeam();
            Map<Role, RoleRoute> roles = new EnumMap<>(team.roles());
            RoleRoute dsl = roles.get(Role.SAFEGUARDING_LEAD);
            roles.put(Role.SAFEGUARDING_LEAD, new RoleRoute(dsl.channel(), team.route(Role.MANAGER).channel(),
                    Map.of()));
            Team unsafe = new Team(team.id(), team.name(), team.organisationId(), team.members(), team.officeHours(),
                    roles);
            RoutingConfig config = new RoutingConfig(List.of(new Organisation("o", "o", List.of(unsafe))),
                    unsafe.id(), Map.of());

            Routing routing = new Router(config, Clock.systemUTC())
                    .route(ENGINE.evaluate(COLLEAGUE_IS_MANAGER), unsafe.id(), MONDAY_MORNING);

            Channel managers = team.route(Role.MANAGER).channel();
            assertThat(routing.roles()).allSatisfy(r -> {
                assertThat(r.channel().sharesTargetWith(managers)).isFalse();
                assertThat(r.backup().sharesTargetWith(managers)).isFalse();
            });
            assertThat(routing.roles().getFirst().backup().isEmpty()).isTrue();
        }

        @Test
        void givenTheDslIsTheSubject_thenTheGovernanceLeadAndAllegationsOfficerAreNotifiedAndNeverTheDsl() {
            Routing routing = router.route(ENGINE.evaluate(DSL_IS_SUBJECT), "brookfield-primary", MONDAY_MORNING);

            assertThat(routing.notifiedRoles()).containsExactlyInAnyOrder(Role.MANAGER, Role.ALLEGATIONS_OFFICER,
                    Role.GOVERNANCE_LEAD);
        }

        @Test
        void givenAConfigBuiltInCodeWhereABackupIsTheDslsOrADeputysChannel_thenThoseTargetsAreDropped() {
            Team team = example.defaultTeam();
            Map<Role, RoleRoute> roles = new EnumMap<>(team.roles());
            RoleRoute dsl = roles.get(Role.SAFEGUARDING_LEAD);
            roles.put(Role.GOVERNANCE_LEAD, new RoleRoute(roles.get(Role.GOVERNANCE_LEAD).channel(), dsl.channel(),
                    Map.of()));
            roles.put(Role.ALLEGATIONS_OFFICER, new RoleRoute(roles.get(Role.ALLEGATIONS_OFFICER).channel(),
                    dsl.backup(), Map.of()));
            Team unsafe = new Team(team.id(), team.name(), team.organisationId(), team.members(), team.officeHours(),
                    roles);
            RoutingConfig config = new RoutingConfig(List.of(new Organisation("o", "o", List.of(unsafe))),
                    unsafe.id(), Map.of());

            Routing routing = new Router(config, Clock.systemUTC())
                    .route(ENGINE.evaluate(DSL_IS_SUBJECT), unsafe.id(), WEDNESDAY_EVENING);

            assertThat(routing.notifiedRoles()).doesNotContain(Role.SAFEGUARDING_LEAD);
            assertThat(routing.roles()).allSatisfy(r -> {
                for (Channel subject : List.of(dsl.channel(), dsl.backup())) {
                    assertThat(r.channel().sharesTargetWith(subject)).as(r.role().id()).isFalse();
                    assertThat(r.backup().sharesTargetWith(subject)).as(r.role().id()).isFalse();
                }
            });
            assertThat(routing.roles()).filteredOn(r -> r.role() != Role.OUT_OF_HOURS)
                    .allSatisfy(r -> assertThat(r.backup().isEmpty()).as(r.role().id()).isTrue());
        }

        @Test
        void givenEveryCompleteCombinationAtEveryKindOfTime_thenNotifiedRolesFollowTriageMd() {
            List<Instant> times = List.of(MONDAY_MORNING, WEDNESDAY_EVENING, Instant.parse("2026-12-12T10:00:00Z"),
                    Instant.parse("2027-12-28T10:00:00Z"), Instant.parse("2026-06-10T08:30:00Z"));
            for (Map<String, String> answers : TriageOracle.completeAnswers()) {
                TriageOutcome outcome = ENGINE.evaluate(answers);
                for (Instant at : times) {
                    for (Team team : example.teams()) {
                        Routing routing = router.route(outcome, team.id(), at);
                        boolean inside = team.officeHours().isOpen(at);
                        assertThat(routing.notifiedRoles()).as("%s at %s for %s", answers, at, team.id())
                                .containsExactlyInAnyOrderElementsOf(TriageOracle.notify(answers, inside));
                        if (TriageOracle.dslIsSubject(answers)) {
                            for (Channel subject : team.subjectChannels(Role.SAFEGUARDING_LEAD)) {
                                assertThat(routing.roles()).noneSatisfy(r -> assertThat(
                                        r.channel().sharesTargetWith(subject) || r.backup().sharesTargetWith(subject))
                                        .isTrue());
                            }
                        }
                        if (TriageOracle.managerRouteClosed(answers)) {
                            Channel managers = team.route(Role.MANAGER).channel();
                            assertThat(routing.roles()).noneSatisfy(r -> assertThat(
                                    r.channel().sharesTargetWith(managers) || r.backup().sharesTargetWith(managers))
                                    .isTrue());
                        }
                    }
                }
            }
        }
    }

    @Nested
    class Deadlines {

        @Test
        void givenAnUrgentOutcome_thenAcknowledgeWithinThirtyMinutes() {
            Routing routing = router.route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary");

            assertThat(routing.acknowledgeWithin()).isEqualTo(Duration.ofMinutes(30));
            assertThat(routing.acknowledgeBy()).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(30)));
        }

        @Test
        void givenAnOverrideInTheConfig_thenItIsUsed() {
            RoutingConfig faster = new RoutingConfig(example.organisations(), example.defaultTeamId(),
                    Map.of(org.sga.core.triage.Urgency.URGENT, Duration.ofMinutes(15)));

            Routing routing = new Router(faster, Clock.systemUTC())
                    .route(ENGINE.evaluate(CHILD_ONLINE), "brookfield-primary", MONDAY_MORNING);

            assertThat(routing.acknowledgeWithin()).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void givenAnUnknownTeam_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> router.route(ENGINE.evaluate(CHILD_ONLINE), "nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
    }
}
