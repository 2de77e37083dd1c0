package org.sga.core.escalation;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Escalation reference numbers such as {@code SG-20261207-K3F9QX}: the local date, then six characters from an
 * alphabet without 0/O and 1/I, so they can be read out over the phone. Six characters give about 10^9 per day;
 * {@link EscalationService} checks a new reference against the audit trail before using it.
 */
public final class References {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final Pattern FORM = Pattern.compile("SG-\\d{8}-[" + ALPHABET + "]{" + LENGTH + "}");

    private final RandomGenerator random;

    /** References from a {@link SecureRandom}, so one reference says nothing about the next. */
    public References() {
        this(new SecureRandom());
    }

    public References(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next(LocalDate day) {
        StringBuilder ref = new StringBuilder("SG-").append(DAY.format(day)).append('-');
        for (int i = 0; i < LENGTH; i++) {
            ref.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return ref.toString();
    }

    /** The reference as typed, e.g. in lower case or with spaces around it, in its canonical form. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isWellFormed(String reference) {
        return reference != null && FORM.matcher(reference).matches();
    }
}
