package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankHolidaysTest {

    private final BankHolidays englandAndWales = BankHolidays.englandAndWales();

    @Nested
    class EnglandAndWales {

        // 2026 and 2027 as published on gov.uk; 2028-2030 worked out by hand from the same rules.
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                2026 | 2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28
                2027 | 2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28
                2028 | 2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26
                2029 | 2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26
                2030 | 2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26
                """)
        void givenAYear_thenItsBankHolidaysAreThePublishedOnes(int year, String dates) {
            List<LocalDate> expected = List.of(dates.split(" ")).stream().map(LocalDate::parse).toList();

            assertThat(englandAndWales.inYear(year)).containsExactlyElementsOf(expected);
        }

        @ParameterizedTest(name = "Easter Sunday {0}")
        @CsvSource({"2019-04-21", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
                "2031-04-13", "2032-03-28", "2038-04-25", "2285-03-22"})
        void givenAYear_thenEasterSundayIsTheGregorianOne(LocalDate easter) {
            assertThat(BankHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
        }

        @Test
        void givenEasterMonday_thenItIsAHolidayButTheTuesdayIsNot() {
            assertThat(englandAndWales.isHoliday(LocalDate.of(2026, 4, 6))).isTrue();
            assertThat(englandAndWales.isHoliday(LocalDate.of(2026, 4, 7))).isFalse();
        }

        @Test
        void givenChristmasOnSaturday2027_thenMondayAndTuesdayAreHolidays() {
            assertThat(englandAndWales.inYear(2027)).contains(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28))
                    .doesNotContain(LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26));
        }

        @Test
        void givenChristmasOnSaturday2032_thenMondayAndTuesdayAreHolidays() {
            assertThat(englandAndWales.inYear(2032)).contains(LocalDate.of(2032, 12, 27), LocalDate.of(2032, 12, 28))
                    .doesNotContain(LocalDate.of(2032, 12, 29));
        }

        @Test
        void givenChristmasOnSunday_thenBoxingDayMondayAndTheSubstituteTuesday() {
            assertThat(englandAndWales.inYear(2022)).contains(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        }

        @Test
        void givenBoxingDayOnSaturday_thenTheSubstituteIsMonday28() {
            assertThat(englandAndWales.inYear(2026)).contains(LocalDate.of(2026, 12, 28))
                    .doesNotContain(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 29));
        }

        @Test
        void givenNewYearsDayOnSaturday_thenMonday3JanuaryIsTheHoliday() {
            assertThat(englandAndWales.inYear(2028).first()).isEqualTo(LocalDate.of(2028, 1, 3));
        }
    }

    @Nested
    class OneOffs {

        @Test
        void givenAnExtraDay_thenItIsAHoliday() {
            BankHolidays holidays = new BankHolidays(BankHolidays.Region.ENGLAND_AND_WALES,
                    Set.of(LocalDate.of(2029, 6, 15)), Set.of());

            assertThat(holidays.isHoliday(LocalDate.of(2029, 6, 15))).isTrue();
            assertThat(holidays.inYear(2029)).hasSize(9);
        }

        @Test
        void givenADayMovedAway_thenItIsNotAHoliday() {
            BankHolidays holidays = new BankHolidays(BankHolidays.Region.ENGLAND_AND_WALES,
                    Set.of(LocalDate.of(2028, 5, 5)), Set.of(LocalDate.of(2028, 5, 1)));

            assertThat(holidays.isHoliday(LocalDate.of(2028, 5, 1))).isFalse();
            assertThat(holidays.isHoliday(LocalDate.of(2028, 5, 5))).isTrue();
        }

        @Test
        void givenNoRegion_thenOnlyExtraDaysAreHolidays() {
            BankHolidays holidays = new BankHolidays(BankHolidays.Region.NONE, Set.of(LocalDate.of(2026, 7, 1)),
                    Set.of());

            assertThat(holidays.inYear(2026)).containsExactly(LocalDate.of(2026, 7, 1));
        }
    }
}
