package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficeHoursTest {

    private final OfficeHours hours = OfficeHours.defaults();

    private boolean openAtLondonTime(String localDateTime) {
        return hours.isOpen(LocalDateTime.parse(localDateTime).atZone(OfficeHours.LONDON));
    }

    @Nested
    class Defaults {

        @ParameterizedTest(name = "{0} London time open: {1}")
        @CsvSource({
                "2026-12-07T09:00, true",   // Monday, opening
                "2026-12-07T08:59, false",
                "2026-12-07T16:59, true",
                "2026-12-07T17:00, false",  // end is exclusive
                "2026-12-09T19:45, false",  // weekday evening
                "2026-12-12T10:00, false",  // Saturday
                "2026-12-13T10:00, false",  // Sunday
                "2026-12-28T10:00, false",  // Boxing Day substitute
                "2026-04-03T10:00, false",  // Good Friday
                "2026-04-06T10:00, false",  // Easter Monday
                "2026-04-07T10:00, true",
                "2027-12-27T10:00, false",  // Christmas on Saturday: Monday and Tuesday off
                "2027-12-28T10:00, false",
                "2027-12-29T10:00, true"
        })
        void givenALondonTime_thenOfficeHoursAreMondayToFriday9To5WithoutBankHolidays(String at, boolean open) {
            assertThat(openAtLondonTime(at)).isEqualTo(open);
        }

        @Test
        void givenNoConfiguration_thenDefaultsAreMondayToFriday0900To1700London() {
            assertThat(hours.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(hours.start()).isEqualTo(LocalTime.of(9, 0));
            assertThat(hours.end()).isEqualTo(LocalTime.of(17, 0));
            assertThat(hours.zone()).isEqualTo(ZoneId.of("Europe/London"));
        }
    }

    @Nested
    class ClockChanges {

        @Test
        void givenTheMondayAfterClocksGoForward_thenNineLocalIsInside() {
            assertThat(openAtLondonTime("2026-03-30T09:00")).isTrue();
            assertThat(hours.isOpen(Instant.parse("2026-03-30T08:00:00Z"))).isTrue();
            assertThat(hours.isOpen(Instant.parse("2026-03-30T07:59:00Z"))).isFalse();
        }

        @Test
        void givenASummerWeekday_then0830UtcIs0930LocalAndInside() {
            assertThat(hours.isOpen(Instant.parse("2026-06-10T08:30:00Z"))).isTrue();
            assertThat(hours.isOpen(Instant.parse("2026-06-10T16:30:00Z"))).isFalse();
        }

        @Test
        void givenTheFridayBeforeClocksGoForward_then0830UtcIsStillOutside() {
            assertThat(hours.isOpen(Instant.parse("2026-03-27T08:30:00Z"))).isFalse();
        }

        @Test
        void givenTheMondayAfterClocksGoBack_then0830UtcIsOutsideAnd0900UtcInside() {
            assertThat(hours.isOpen(Instant.parse("2026-10-26T08:30:00Z"))).isFalse();
            assertThat(hours.isOpen(Instant.parse("2026-10-26T09:00:00Z"))).isTrue();
        }

        @Test
        void givenTheFridayBeforeClocksGoBack_then1630UtcIs1730LocalAndOutside() {
            assertThat(hours.isOpen(Instant.parse("2026-10-23T16:30:00Z"))).isFalse();
            assertThat(hours.isOpen(Instant.parse("2026-10-23T15:30:00Z"))).isTrue();
        }

        @Test
        void givenATimeInAnotherZone_thenItIsJudgedOnTheTeamsClock() {
            var utc = LocalDateTime.parse("2026-06-10T16:30").atZone(ZoneOffset.UTC);

            assertThat(hours.isOpen(utc)).isFalse();
        }
    }

    @Test
    void givenAnInjectedClock_thenItsInstantIsUsed() {
        Clock mondayMorning = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        Clock sunday = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

        assertThat(hours.isOpen(mondayMorning)).isTrue();
        assertThat(hours.isOpen(sunday)).isFalse();
    }

    @Test
    void givenAnotherTimeZoneAndWeekendWorking_thenThoseHoursApply() {
        OfficeHours sydney = new OfficeHours(Set.of(DayOfWeek.SATURDAY), LocalTime.of(8, 0), LocalTime.of(12, 0),
                ZoneId.of("Australia/Sydney"), BankHolidays.none());

        assertThat(sydney.isOpen(Instant.parse("2026-12-11T22:00:00Z"))).isTrue(); // Sat 09:00 AEDT
        assertThat(sydney.isOpen(Instant.parse("2026-12-12T10:00:00Z"))).isFalse();
    }
}
