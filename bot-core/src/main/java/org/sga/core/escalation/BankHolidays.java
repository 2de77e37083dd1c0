package org.sga.core.escalation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bank holidays of a region, computed from its rules, plus one-off extra days and minus days moved away.
 * One-offs (a coronation, a moved Early May holiday) are not in the rules: add them to the configuration.
 */
public record BankHolidays(Region region, Set<LocalDate> extra, Set<LocalDate> notHolidays) {

    public BankHolidays {
        extra = Set.copyOf(extra);
        notHolidays = Set.copyOf(notHolidays);
    }

    /** A region whose bank holidays the code knows. */
    public enum Region {
        ENGLAND_AND_WALES("england-and-wales"),
        NONE("none");

        private final String id;

        Region(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Region> fromId(String id) {
            return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
        }
    }

    public static BankHolidays englandAndWales() {
        return new BankHolidays(Region.ENGLAND_AND_WALES, Set.of(), Set.of());
    }

    public static BankHolidays none() {
        return new BankHolidays(Region.NONE, Set.of(), Set.of());
    }

    public boolean isHoliday(LocalDate date) {
        return inYear(date.getYear()).contains(date);
    }

    public SortedSet<LocalDate> inYear(int year) {
        SortedSet<LocalDate> days = new TreeSet<>();
        if (region == Region.ENGLAND_AND_WALES) {
            days.addAll(englandAndWales(year));
        }
        extra.stream().filter(d -> d.getYear() == year).forEach(days::add);
        days.removeAll(notHolidays);
        return Collections.unmodifiableSortedSet(days);
    }

    static SortedSet<LocalDate> englandAndWales(int year) {
        SortedSet<LocalDate> days = new TreeSet<>();
        observe(LocalDate.of(year, 1, 1), days);
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        LocalDate may = LocalDate.of(year, 5, 1);
        days.add(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        // Boxing Day after Christmas: on a weekend Christmas takes the Monday and Boxing Day the Tuesday.
        observe(LocalDate.of(year, 12, 25), days);
        observe(LocalDate.of(year, 12, 26), days);
        return days;
    }

    /** Adds the day, or on a weekend the next weekday that is not already a holiday (the substitute day). */
    private static void observe(LocalDate day, Set<LocalDate> days) {
        LocalDate observed = day;
        while (isWeekend(observed) || days.contains(observed)) {
            observed = observed.plusDays(1);
        }
        days.add(observed);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
