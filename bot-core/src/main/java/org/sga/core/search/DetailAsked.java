package org.sga.core.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question that asks for a particular kind of detail — a length of time, a count, a sum of money, a phone number or
 * address, a sentence — can only be answered by a section that states such a detail. A section that is about the
 * right topic but states none ("the professionals involved should reach an expedited agreement…" for "how long do we
 * keep the evidence?") is not presented as the answer; the reply says the procedure does not give it.
 *
 * <p>Deliberately narrow: only asks whose wording leaves no doubt, and a section passes when it holds anything of
 * the kind (any figure, "until …", "within …"), so a question the section does answer in words is still answered.
 */
public enum DetailAsked {

    /**
     * "how long does it take / will they keep it", "how many days", "what's the time limit". A figure alone is not a
     * length of time ("section 47"); a figure of days or weeks is, and so is "until …" or "within …".
     */
    DURATION("a length of time",
            "\\bhow long\\b|\\bhow many (working )?(days|weeks|months|years|hours)\\b|\\btime ?(limit|scale)s?\\b|\\bwithin how\\b",
            "\\buntil\\b|\\bwithin\\b|\\b(day|week|month|year|hour)s?\\b"),

    /** "how many …" (not of time), "what percentage". */
    COUNT("a number", "\\bhow many\\b|\\bwhat percentage\\b", "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten)\\b"),

    /** "how much does it cost", "what's the fee", "does it cost anything", "is it free", "is there a cost", "who pays". */
    COST("a cost", "\\bhow much (does|will|would|do) .*\\b(cost|charge|pay)\\b|\\b(cost|fee|price|charge)s? (of|for)\\b|\\bhow much is\\b"
            + "|\\b(does|will|would) (it|this|that|they) (cost|charge)\\b|\\bcosts? anything\\b|\\bis (it|this|that|there a) (free|charge)\\b"
            + "|\\bis there (a|any) (cost|fee|charge)\\b|\\bwho pays\\b",
            "\\d|£|\\bfree\\b|\\bcharge"),

    /** "what's the phone number / email / web address of …"; stated only by a number, address or link. */
    CONTACT("contact details",
            "\\b(phone|telephone|contact|mobile|fax) (number|no|details)\\b|\\bwhat'?s the number\\b|\\bnumber (for|to ring|to call)\\b"
                    + "|\\be-?mail (address|adress)\\b"
                    + "|\\bweb ?(site|page)? ?(address|adress|link)\\b|\\bwhat'?s the (email|e-mail|url|web ?site)\\b",
            // A telephone number, an address or a link; not any figure ("(Para 118)" is a reference).
            "@|www\\.|https?://|\\b(0|\\+44 ?)\\d{2,4}[ -]?\\d{3}[ -]?\\d{3,4}\\b|\\b(999|101|111)\\b"),

    /** "what's the maximum sentence", "how many years would he get", "what sentence could he get". */
    SENTENCE("a sentence or penalty",
            "\\b(max(imum)?|minimum|likely|prison|jail) (prison |jail )?sentence\\b|\\bhow many years (in prison|would|will|could)\\b"
                    + "|\\bwhat (sort of |kind of )?(sentence|punishment|penalty)\\b|\\b(sentence|punishment|penalty) (could|would|will|might|do|does) \\w+ get\\b",
            // Not a bare figure or "years": "under 18 years" is an age, not a sentence.
            "\\bimprisonment\\b|\\bprison\\b|\\bcustodial\\b|\\bsentenced? (to|of)\\b|\\b(maximum|minimum) (penalty|sentence)\\b");

    private final String what;
    private final Pattern asked;
    private final Pattern stated;

    DetailAsked(String what, String asked, String stated) {
        this.what = what;
        this.asked = Pattern.compile(asked, Pattern.CASE_INSENSITIVE);
        this.stated = Pattern.compile(stated, Pattern.CASE_INSENSITIVE);
    }

    /** What the question asks for, in words for the reply: "a length of time". */
    public String what() {
        return what;
    }

    /** The kind of detail the question asks for, if its wording asks for one; the first that matches. */
    public static Optional<DetailAsked> in(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (DetailAsked d : values()) {
            if (d.asked.matcher(q).find()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** True when the text states a detail of this kind (any at all: whether it is the right one is for the reader). */
    public boolean statedIn(String text) {
        return stated.matcher(text).find();
    }
}
