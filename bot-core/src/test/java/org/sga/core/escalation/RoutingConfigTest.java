package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sga.core.triage.Role;
import org.sga.core.triage.Urgency;

class RoutingConfigTest {

    static final String EXAMPLE = "/routing/routing-example.yml";

    static RoutingConfig example() {
        return RoutingConfig.parse(new InputStreamReader(RoutingConfigTest.class.getResourceAsStream(EXAMPLE),
                StandardCharsets.UTF_8), EXAMPLE);
    }

    private static final String VALID = """
            organisations:
              - id: org-a
                teams:
                  - id: team-a
                    roles:
                      manager: {channel: {console: a-mgr}, backup: {console: a-mgr-backup}}
                      safeguarding_lead: {channel: {console: a-dsl}, backup: {console: a-dsl-backup}}
                      allegations_officer: {channel: {console: a-lado}, backup: {console: a-lado-backup}}
                      out_of_hours: {channel: {console: a-ooh}, backup: {console: a-ooh-backup}}
                      governance_lead: {channel: {console: a-gov}, backup: {console: a-gov-backup}}
                  - id: team-b
                    office_hours:
                      start: 08:00
                      end: 16:00
                      time_zone: Europe/London
                    roles:
                      manager: {channel: {slack: CBMGR}, backup: {console: b-mgr-backup}}
                      safeguarding_lead: {channel: {slack: CBDSL}, backup: {console: b-dsl-backup}}
                      allegations_officer: {channel: {slack: CBLADO}, backup: {console: b-lado-backup}}
                      out_of_hours: {channel: {slack: CBOOH}, backup: {console: b-ooh-backup}}
                      governance_lead: {channel: {slack: CBGOV}, backup: {console: b-gov-backup}}
            """;

    private static RoutingConfig parse(String yaml) {
        return RoutingConfig.parse(new StringReader(yaml), "test.yml");
    }

    @Nested
    class Example {

        @Test
        void givenTheShippedExample_thenItLoadsCleanly() {
            RoutingConfig config = example();

            assertThat(config.teams()).extracting(Team::id).containsExactly("brookfield-primary", "eastmoor-fostering");
            assertThat(config.defaultTeam().id()).isEqualTo("brookfield-primary");
            assertThat(config.defaultTeam().officeHours().start()).isEqualTo(LocalTime.of(8, 30));
            assertThat(config.defaultTeam().route(Role.MANAGER).channel().target(Platform.SLACK)).contains("C0EXMGR001");
            assertThat(config.defaultTeam().route(Role.SAFEGUARDING_LEAD).acknowledgers().get(Platform.SLACK))
                    .containsExactly("U0EXAMPLE02", "U0EXAMPLE05");
            // Every role of every team lists who may acknowledge it, as the example recommends.
            assertThat(config.teams()).allSatisfy(team -> assertThat(Role.values()).allSatisfy(role ->
                    assertThat(team.route(role).acknowledgers().values()).as(team.id() + " " + role.id())
                            .anySatisfy(ids -> assertThat(ids).isNotEmpty())));
            assertThat(config.acknowledgeWithin(Urgency.EMERGENCY, Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void givenATeamWithoutOfficeHours_thenItHasTheDefaults() {
            assertThat(example().team("eastmoor-fostering").orElseThrow().officeHours())
                    .isEqualTo(OfficeHours.defaults());
        }

        @Test
        void givenAMembersUserId_thenTheirTeamIsFound() {
            assertThat(example().teamsOf(Platform.TEAMS, "29:1exampleUserC")).extracting(Team::id)
                    .containsExactly("eastmoor-fostering");
            assertThat(example().teamsOf(Platform.SLACK, "U0NOBODY")).isEmpty();
        }

        @Test
        void givenTheExampleAsAFile_thenLoadReadsIt(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("routing.yml");
            try (var in = RoutingConfigTest.class.getResourceAsStream(EXAMPLE)) {
                Files.copy(in, file);
            }

            assertThat(RoutingConfig.load(file).teams()).hasSize(2);
        }
    }

    @Nested
    class Defaults {

        @Test
        void givenNoConfiguration_thenEveryRoleGoesToTheConsole() {
            Team team = RoutingConfig.defaults().defaultTeam();

            for (Role role : Role.values()) {
                assertThat(team.route(role).channel().targets()).containsOnlyKeys(Platform.CONSOLE);
                assertThat(team.route(role).backup().targets()).containsOnlyKeys(Platform.CONSOLE);
            }
            assertThat(team.officeHours()).isEqualTo(OfficeHours.defaults());
        }

        @Test
        void givenNoOverride_thenTheTriageDefaultDeadlineIsUsed() {
            assertThat(RoutingConfig.defaults().acknowledgeWithin(Urgency.URGENT, Duration.ofMinutes(30)))
                    .isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Nested
    class Valid {

        @Test
        void givenTheMinimalConfig_thenItLoads() {
            RoutingConfig config = parse(VALID);

            assertThat(config.team("team-b").orElseThrow().officeHours().end()).isEqualTo(LocalTime.of(16, 0));
            assertThat(config.defaultTeamId()).isEqualTo("team-a");
        }

        @Test
        void givenOneOffBankHolidays_thenTheyAreApplied() {
            RoutingConfig config = parse(VALID.replace("end: 16:00\n", "end: 16:00\n"
                    + "          extra_bank_holidays: [2029-06-15]\n"
                    + "          not_bank_holidays: [2028-05-01]\n"));

            BankHolidays holidays = config.team("team-b").orElseThrow().officeHours().bankHolidays();
            assertThat(holidays.isHoliday(LocalDate.of(2029, 6, 15))).isTrue();
            assertThat(holidays.isHoliday(LocalDate.of(2028, 5, 1))).isFalse();
        }

        @Test
        void givenNamesPhonesAndHours_thenTheyAreKeptForTheRoleAndItsBackup() {
            RoutingConfig config = parse(VALID.replace(
                    "governance_lead: {channel: {slack: CBGOV}, backup: {console: b-gov-backup}}",
                    "governance_lead: {name: Jo Example, phone: \"+44 (0)1632 960-010\", hours: weekdays,"
                            + " channel: {slack: CBGOV}, backup: {console: b-gov-backup, name: Kim Example, phone: 01632 960011}}"));

            RoleRoute route = config.team("team-b").orElseThrow().route(Role.GOVERNANCE_LEAD);
            assertThat(route.contact()).isEqualTo(new Contact("Jo Example", "+44 (0)1632 960-010", "weekdays"));
            assertThat(route.backupContact()).isEqualTo(new Contact("Kim Example", "01632 960011", null));
            assertThat(route.backup().targets()).containsOnlyKeys(Platform.CONSOLE);
        }

        @Test
        void givenRounds_thenTheyReplaceTheTriageDefaultForThatUrgency() {
            RoutingConfig config = parse("rounds: {EMERGENCY: 5}\n" + VALID);

            assertThat(config.rounds(Urgency.EMERGENCY, 3)).isEqualTo(5);
            assertThat(config.rounds(Urgency.URGENT, 3)).isEqualTo(3);
        }

        @Test
        void givenTheShippedExample_thenItsRolesCarryNamesAndValidPhones() {
            Team brookfield = example().defaultTeam();

            assertThat(brookfield.route(Role.SAFEGUARDING_LEAD).contact().shownPhone()).contains("01632 960001");
            assertThat(brookfield.route(Role.SAFEGUARDING_LEAD).backupContact().shownName()).isPresent();
            assertThat(example().rounds(Urgency.EMERGENCY, 0)).isEqualTo(3);
        }

        @Test
        void givenAnOverride_thenItReplacesTheTriageDefault() {
            RoutingConfig config = parse("acknowledge_within: {URGENT: 20m}\n" + VALID);

            assertThat(config.acknowledgeWithin(Urgency.URGENT, Duration.ofMinutes(30))).hasMinutes(20);
            assertThat(config.acknowledgeWithin(Urgency.STANDARD, Duration.ofHours(4))).hasHours(4);
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                manager: {channel: {slack: CBMGR}, backup: | manager: {backup: | organisations[0].teams[1].roles.manager.channel: missing
                "          out_of_hours: {channel: {slack: CBOOH}, backup: {console: b-ooh-backup}}\\n" | "" | organisations[0].teams[1].roles.out_of_hours: missing
                allegations_officer: {channel: {slack: CBLADO} | headteacher: {channel: {slack: CBLADO} | organisations[0].teams[1].roles.headteacher: unknown role
                time_zone: Europe/London | time_zone: Europe/Londres | organisations[0].teams[1].office_hours.time_zone: unknown time zone 'Europe/Londres'
                start: 08:00 | start: 8am | organisations[0].teams[1].office_hours.start: '8am' is not a time
                start: 08:00 | start: 25:00 | organisations[0].teams[1].office_hours.start: '25:00' is not a time
                end: 16:00 | end: 07:00 | organisations[0].teams[1].office_hours.end: 07:00 is not after start
                start: 08:00 | days: [mon, funday] | organisations[0].teams[1].office_hours.days[1]: 'funday' is not a day
                start: 08:00 | bank_holidays: scotland | organisations[0].teams[1].office_hours.bank_holidays: unknown region 'scotland'
                start: 08:00 | extra_bank_holidays: [2029-02-30] | organisations[0].teams[1].office_hours.extra_bank_holidays[0]: '2029-02-30' is not a date
                {channel: {slack: CBDSL} | {channel: {email: dsl@example.org} | organisations[0].teams[1].roles.safeguarding_lead.channel.email: unknown key
                {channel: {slack: CBDSL} | {channel: {} | organisations[0].teams[1].roles.safeguarding_lead.channel: no targets
                backup: {console: b-dsl-backup} | backup: {slack: CBMGR} | organisations[0].teams[1].roles.safeguarding_lead.backup: shares a target with roles.manager.channel
                {channel: {slack: CBOOH} | {channel: {slack: CBMGR} | organisations[0].teams[1].roles.out_of_hours.channel: shares a target with roles.manager.channel
                "  - id: team-b\\n" | "  - id: team-a\\n" | organisations[0].teams[1].id: team id 'team-a' is already used at organisations[0].teams[0]
                "organisations:\\n" | "default_team: team-z\\norganisations:\\n" | default_team: no team 'team-z'
                "organisations:\\n" | "acknowledge_within: {CRITICAL: 5m}\\norganisations:\\n" | acknowledge_within.CRITICAL: unknown urgency
                "organisations:\\n" | "acknowledge_within: {URGENT: soon}\\norganisations:\\n" | acknowledge_within.URGENT: 'soon' is not a duration
                "organisations:\\n" | "escalations: {}\\norganisations:\\n" | escalations: unknown key
                "          governance_lead: {channel: {slack: CBGOV}, backup: {console: b-gov-backup}}\\n" | "" | organisations[0].teams[1].roles.governance_lead: missing
                governance_lead: {channel: {slack: CBGOV} | governance_lead: {phone: call Sam, channel: {slack: CBGOV} | organisations[0].teams[1].roles.governance_lead.phone: 'call Sam' is not a phone number
                governance_lead: {channel: {slack: CBGOV} | governance_lead: {phone: "12345", channel: {slack: CBGOV} | organisations[0].teams[1].roles.governance_lead.phone: '12345' is not a phone number
                governance_lead: {channel: {slack: CBGOV} | governance_lead: {phone: "01632 96000+1", channel: {slack: CBGOV} | organisations[0].teams[1].roles.governance_lead.phone: '01632 96000+1' is not a phone number
                backup: {console: b-gov-backup} | backup: {console: b-gov-backup, phone: "0800"} | organisations[0].teams[1].roles.governance_lead.backup.phone: '0800' is not a phone number
                backup: {console: b-gov-backup} | backup: {slack: CBDSL} | organisations[0].teams[1].roles.governance_lead.backup: shares a target with roles.safeguarding_lead.channel; a concern about the DSL or a deputy would reach them
                {channel: {slack: CBLADO} | {channel: {console: b-dsl-backup} | organisations[0].teams[1].roles.allegations_officer.channel: shares a target with roles.safeguarding_lead.backup
                "organisations:\\n" | "rounds: {EMERGENCY: 0}\\norganisations:\\n" | rounds.EMERGENCY: '0' is not a number of rounds from 1 to 10
                "organisations:\\n" | "rounds: {URGENT: -2}\\norganisations:\\n" | rounds.URGENT: '-2' is not a number of rounds
                "organisations:\\n" | "rounds: {URGENT: three}\\norganisations:\\n" | rounds.URGENT: 'three' is not a number of rounds
                "organisations:\\n" | "rounds: {STANDARD: 2}\\norganisations:\\n" | rounds.STANDARD: a STANDARD escalation is not chased after its backup
                "        roles:\\n          manager: {channel: {slack: CBMGR}" | "        rolls:\\n          manager: {channel: {slack: CBMGR}" | organisations[0].teams[1].rolls: unknown key
                """)
        void givenAMistake_thenTheErrorNamesTheKeyPath(String from, String to, String message) {
            String broken = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
            assertThat(broken).as("test edit applies").isNotEqualTo(VALID);

            assertThatThrownBy(() -> parse(broken))
                    .isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining(message);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                "'#managers'" | is a channel name, not an id
                managers | is a channel name, not an id
                general | is a channel name, not an id
                cbmgr2 | ids are upper case (did you mean 'CBMGR2'?)
                c0mgr | ids are upper case (did you mean 'C0MGR'?)
                C0mgr | ids are upper case (did you mean 'C0MGR'?)
                """)
        void givenASlackTargetThatIsNotAnId_thenRefusedNamingTheKey(String target, String message) {
            String broken = VALID.replace("backup: {console: b-dsl-backup}", "backup: {slack: " + target + "}");

            assertThatThrownBy(() -> parse(broken)).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("organisations[0].teams[1].roles.safeguarding_lead.backup.slack: '")
                    .hasMessageContaining(message);
        }

        @Test
        void givenTheManagersChannelWrittenInAnotherCase_thenStillRecognisedAsTheManagersChannel() {
            String teams = VALID.replace("manager: {channel: {slack: CBMGR}", "manager: {channel: {slack: CBMGR, teams: \"19:Mgr@thread.tacv2\"}")
                    .replace("backup: {console: b-dsl-backup}", "backup: {teams: \"19:mgr@thread.tacv2\"}");

            assertThatThrownBy(() -> parse(teams)).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("organisations[0].teams[1].roles.safeguarding_lead.backup: shares a target with roles.manager.channel");
        }

        @Test
        void givenATeamsTargetThatIsNotAChannelId_thenRefusedNamingTheKey() {
            String broken = VALID.replace("backup: {console: b-dsl-backup}", "backup: {teams: \"Safeguarding team\"}");

            assertThatThrownBy(() -> parse(broken)).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("organisations[0].teams[1].roles.safeguarding_lead.backup.teams: 'Safeguarding team' is not a Teams channel id");
        }

        @Test
        void givenASlackAcknowledgerThatIsNotAUserId_thenRefusedNamingTheKey() {
            String broken = VALID.replace("safeguarding_lead: {channel: {slack: CBDSL}, backup: {console: b-dsl-backup}}",
                    "safeguarding_lead: {channel: {slack: CBDSL}, backup: {console: b-dsl-backup}, acknowledgers: {slack: [U0DSL, \"@dee\"]}}");

            assertThatThrownBy(() -> parse(broken)).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("organisations[0].teams[1].roles.safeguarding_lead.acknowledgers.slack[1]: '@dee' is not a Slack user id");
        }

        @Test
        void givenNoOrganisations_thenTheErrorSaysSo() {
            assertThatThrownBy(() -> parse("default_team: x\n")).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("organisations: missing");
        }

        @Test
        void givenAMissingFile_thenTheErrorNamesThePath(@TempDir Path dir) {
            Path missing = dir.resolve("routing.yml");

            assertThatThrownBy(() -> RoutingConfig.load(missing)).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining(missing.toString());
        }

        @Test
        void givenBrokenYaml_thenTheErrorNamesTheSource() {
            assertThatThrownBy(() -> parse("organisations: [")).isInstanceOf(RoutingConfigException.class)
                    .hasMessageContaining("test.yml");
        }
    }
}
