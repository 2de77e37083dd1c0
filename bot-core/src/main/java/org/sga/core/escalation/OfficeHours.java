package org.sga.core.escalation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The days and times a team works, in its time zone; bank holidays are outside them. End is exclusive. */
public record OfficeHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone,
        BankHolidays bankHolidays) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public OfficeHours {
        days = Set.copyOf(days);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("office hours end " + end + " is not after start " + start);
        }
    }

    /** Monday to Friday 09:00 to 17:00, Europe/London, England and Wales bank holidays. */
    public static OfficeHours defaults() {
        return new OfficeHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), LONDON, BankHolidays.englandAndWales());
    }

    public boolean isOpen(Instant instant) {
        return isOpen(instant.atZone(zone));
    }

    /** Whether the moment is inside office hours, judged on the team's local clock whatever zone it is given in. */
    public boolean isOpen(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek())
                && !bankHolidays.isHoliday(local.toLocalDate())
                && !time.isBefore(start)
                && time.isBefore(end);
    }

    public boolean isOpen(Clock clock) {
        return isOpen(clock.instant());
    }
}
