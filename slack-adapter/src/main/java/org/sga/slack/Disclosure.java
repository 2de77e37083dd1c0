package org.sga.slack;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a mention in a channel reads like a disclosure or report about a child, so the conversation
 * moves to a direct message. Deliberately simple and biased to moving: a short list of words people use when
 * reporting, plus anything that would start the triage. A wrong "yes" costs a DM; a wrong "no" leaves details
 * in a channel, so the list errs wide. It is checked before the core sees the text, because the core keeps
 * triage state per conversation and a report must start in the DM, not in the channel.
 */
final class Disclosure {

    private static final List<Pattern> SIGNS = List.of(
            "\\breport(ing)?\\b", "\\btriage\\b", "\\bconcern(ed|s)?\\b", "\\bworried\\b", "\\bdisclos",
            "\\btold me\\b", "\\bsaid (that )?(he|she|they)\\b", "\\babus", "\\bnudes?\\b", "\\bnaked\\b",
            "\\bsext", "\\bgroom", "\\btouch(ed|ing)\\b", "\\bhit(s|ting)? (him|her|them|me)\\b", "\\bbruis",
            "\\bself[- ]?harm", "\\bsuicid", "\\bsexual", "\\bexploit", "\\bassault", "\\brap(e|ed)\\b",
            "\\bbeat(s|en|ing)?\\b", "\\bhurt(s|ing)?\\b", "\\bmissing\\b", "\\brunaway\\b", "\\bneglect")
            .stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    private Disclosure() {
    }

    static boolean readsLikeDisclosure(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(p -> p.matcher(t).find());
    }
}
