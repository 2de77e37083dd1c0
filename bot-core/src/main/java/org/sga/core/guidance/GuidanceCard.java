package org.sga.core.guidance;

import java.util.List;

/**
 * A guidance card as the content owners wrote and signed it off: what to do first, what to do, what never to do, the
 * procedure sections it rests on (cited first) and national guidance (cited second, labelled as such).
 *
 * @param id         what evaluations and records look for, e.g. {@code IMAGES_DO_NOT_SHARE}
 * @param procedure  global section ids, e.g. {@code child-abuse-and-ict#4.4}
 * @param neverQuote sections whose words would read as the opposite advice while this card applies
 * @param reviewedBy who signed the card off; empty until someone has
 * @param reviewedOn when, as written (a date); empty until someone has
 */
public record GuidanceCard(String id, String title, String first, String text, String never, List<String> procedure,
                           List<NationalGuidance> national, List<String> neverQuote, String reviewedBy, String reviewedOn) {

    public GuidanceCard {
        procedure = List.copyOf(procedure);
        national = List.copyOf(national);
        neverQuote = List.copyOf(neverQuote);
    }

    /** {@code Reviewed by … on …}, or that nobody has reviewed it yet. */
    public String review() {
        return reviewedBy.isEmpty() ? "Reviewed by: (not yet reviewed) on: (not yet reviewed)"
                : "Reviewed by " + reviewedBy + " on " + reviewedOn;
    }

    /** A piece of national guidance a card cites: who publishes it, its title and the year of the edition. */
    public record NationalGuidance(String source, String title, String year) {

        /** {@code National guidance (not the procedure): UKCIS, "Sharing nudes …" (2024)}. */
        public String label() {
            return "National guidance (not the procedure): " + source + ", \"" + title + "\" (" + year + ")";
        }
    }
}
