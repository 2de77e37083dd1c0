package org.sga.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sga.app.content.ContentSource;
import org.sga.app.content.Content;
import org.sga.content.Library;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.guidance.CardReading;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.eval.SafetySets.Case;

/**
 * {@code tune-cards [--parts N] SET.jsonl...}: how the guidance cards do on safety sets they did not learn from, and
 * which margins would do better. The sets are dealt into {@code N} parts (by name, in turn); for each part the cards
 * learn from every labelled message of {@code cards.yml} but those of the part's sets, and read the part's cases. The
 * readings are then decided with the shipped margins and with others, by the cards' own decision
 * ({@link CardReading#applies}): missed cards (unsafe) and cases with a card neither needed nor allowed (spurious).
 * Run it on the development sets in eval/safety/ only, never on eval/blind/ (eval/README.md).
 */
final class TuneCardsCommand implements Tool {

    static final String USAGE = "usage: tune-cards [--parts N] SET.jsonl...   (safety sets as score_safety.py reads them;"
            + " N from 2 to 20, default 8)";

    /** The likelihoods tried, as decision 41 chose them. */
    private static final double LIKELIHOOD_STEP = 0.05;
    /** How many more cases with a spurious card a margin may cost for each missed card it saves (decisions 57, 58). */
    static final int SPURIOUS_PER_MISSED = 3;
    /** The nearest-message differences tried, as decision 42 chose them. */
    private static final double[] NEAREST = {-0.01, -0.005, 0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03};
    /** The far-from-the-card differences tried, as decision 44 chose them. */
    private static final double[] FAR = {0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06};

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        SafetySets.Dealt dealt = SafetySets.read("tune-cards", USAGE, args);
        Read read = read(dealt, err);
        report(read.cases(), read.readings(), read.ids(), read.margins(), dealt.parts(), dealt.bySet().size(), out);
        out.flush();
        return 0;
    }

    /**
     * The cases of the sets dealt and each one's card readings, from cards that learned from every labelled message but
     * those of the case's part ({@code parts}: each case's part), with the card ids in the order of the readings and
     * the shipped margins.
     */
    record Read(List<Case> cases, List<List<CardReading>> readings, List<Integer> parts, List<String> ids,
                MeaningMargins margins) {
    }

    static Read read(SafetySets.Dealt dealt, PrintStream err) {
        ContentSource content = Content.contentSource();
        Library library = content.library();
        CachedEmbedder embedder = content.embedder();
        MeaningMargins margins = content.margins();
        GuidanceCards cards = content.guidanceCards(library);
        DangerSignals danger = content.dangerSignals(library, embedder);
        // The cards' second and third views, when the margins name them, are learned again without each part too.
        EmbeddingModel secondModel = margins.cardsSecondModel();
        CachedEmbedder second = secondModel == null ? null : content.secondEmbedder(secondModel, embedder);
        EmbeddingModel thirdModel = margins.cardsThirdModel();
        CachedEmbedder third = thirdModel == null ? null : content.secondEmbedder(thirdModel, embedder);
        List<Case> cases = new ArrayList<>();
        List<List<CardReading>> readings = new ArrayList<>();
        List<Integer> parts = new ArrayList<>();
        for (int part = 0; part < dealt.parts(); part++) {
            long start = System.nanoTime();
            List<Case> held = dealt.part(part);
            Set<String> leftOut = dealt.keys(part);
            GuidanceCards learned = cards.leavingOut(m -> leftOut.contains(SafetySets.key(m)))
                    .withMeaning(embedder, second, third, margins, library, () -> { }).prepared();
            for (Case c : held) {
                List<String> brought = danger.alert(c.message()).map(DangerSignals.Alert::cards).orElse(List.of());
                cases.add(c);
                readings.add(learned.readings(c.message(), brought));
                parts.add(part);
            }
            err.printf(Locale.ROOT, "part %d of %d: %,d cases read in %.0f s%n", part + 1, dealt.parts(), held.size(),
                    (System.nanoTime() - start) / 1e9);
        }
        embedder.save();
        for (CachedEmbedder view : new CachedEmbedder[] {second, third}) {
            if (view != null && view != embedder) {
                view.save();
            }
        }
        return new Read(cases, readings, parts, cards.cards().stream().map(c -> c.id()).toList(), margins);
    }

    /** Missed cards and cases with it spurious, for one card decided with {@code m}. */
    record Tally(int missed, int spurious) {
    }

    /** {@code card}: the card's place in the file, where its reading is in each case's readings. */
    static Tally tally(List<Case> cases, List<List<CardReading>> readings, int card, String id, MeaningMargins.CardMargins m) {
        int missed = 0;
        int spurious = 0;
        for (int i = 0; i < cases.size(); i++) {
            List<CardReading> read = readings.get(i);
            // No readings: the message only asks what a word means, and no card applies.
            boolean on = !read.isEmpty() && read.get(card).applies(m);
            Case c = cases.get(i);
            missed += c.needed().contains(id) && !on ? 1 : 0;
            spurious += on && !c.needed().contains(id) && !c.allowed().contains(id) ? 1 : 0;
        }
        return new Tally(missed, spurious);
    }

    /** The figures for the cards {@code ids} (in the order of their readings), with their margins and others. */
    static void report(List<Case> cases, List<List<CardReading>> readings, List<String> ids, MeaningMargins margins,
                       int parts, int sets, PrintStream out) {
        out.printf(Locale.ROOT, "guidance cards on %,d cases of %d sets, each of %d parts of the sets left out of their learning in turn%n%n",
                cases.size(), sets, parts);
        out.println("each card decided by its margins alone (where it has card-weights, they decide it in the bot: see weigh-cards)");
        out.printf(Locale.ROOT, "%-22s %-42s %7s %9s%n", "card", "margins (likely/without/sentence/nearest/far)", "missed", "spurious");
        Map<String, MeaningMargins.CardMargins> chosenLikelihoods = new LinkedHashMap<>();
        Map<String, MeaningMargins.CardMargins> weighedLikelihoods = new LinkedHashMap<>();
        StringBuilder weighedRows = new StringBuilder();
        for (String id : ids) {
            MeaningMargins.CardMargins m = byMargins(margins, id);
            Tally t = tally(cases, readings, ids.indexOf(id), id, m);
            out.printf(Locale.ROOT, "%-22s %-42s %7d %9d%n", id, describe(m), t.missed(), t.spurious());
        }
        int[] all = whole(cases, readings, id -> byMargins(margins, id));
        out.printf(Locale.ROOT, "all cards: %d missed (in %d cases), %d cases with a spurious card%n%n", all[0], all[1], all[2]);

        // A missed card is unsafe and a spurious one is not (decision 57).
        Map<String, Double> chosenNearest = sweep("card-nearest", "the smallest that adds at most " + SPURIOUS_PER_MISSED
                + " spurious cases for each missed card it saves, against the shipped one", NEAREST, TuneCardsCommand::withNearest,
                MeaningMargins.CardMargins::nearest, (shipped, t) -> t.missed() < shipped.missed()
                        && t.spurious() - shipped.spurious() <= SPURIOUS_PER_MISSED * (shipped.missed() - t.missed()),
                cases, readings, ids, margins, out);
        out.println();
        Map<String, Double> chosenFar = sweep("card-far", "the smallest with no more missed cards and fewer spurious cases"
                + " than without it", FAR, TuneCardsCommand::withFar, null,
                (none, t) -> t.missed() <= none.missed() && t.spurious() < none.spurious(), cases, readings, ids, margins, out);
        int[] far = whole(cases, readings, id -> withFar(byMargins(margins, id), chosenFar.get(id)));
        out.printf(Locale.ROOT, "all cards with each chosen card-far: %d missed (in %d cases), %d cases with a spurious card%n%n",
                far[0], far[1], far[2]);

        out.println("likelihoods (steps of " + plain(LIKELIHOOD_STEP) + ") with the fewest missed and no more cases with the"
                + " card spurious than the shipped margins, card-nearest and card-far as shipped");
        for (String id : ids) {
            MeaningMargins.CardMargins m = byMargins(margins, id);
            Tally shipped = tally(cases, readings, ids.indexOf(id), id, m);
            MeaningMargins.CardMargins best = m;
            Tally bestTally = shipped;
            MeaningMargins.CardMargins weighed = m;
            Tally weighedTally = shipped;
            int steps = (int) Math.round(1 / LIKELIHOOD_STEP);
            for (int a = 0; a <= steps; a++) {
                for (int b = a; b <= steps; b++) {
                    for (int c = 0; c <= steps + 1; c++) {
                        MeaningMargins.CardMargins tried = new MeaningMargins.CardMargins(a * LIKELIHOOD_STEP, b * LIKELIHOOD_STEP,
                                Math.min(c * LIKELIHOOD_STEP, 1.01), m.nearest(), m.far(), m.line());
                        Tally t = tally(cases, readings, ids.indexOf(id), id, tried);
                        if (t.spurious() <= shipped.spurious() && (t.missed() < bestTally.missed()
                                || t.missed() == bestTally.missed() && t.spurious() < bestTally.spurious())) {
                            best = tried;
                            bestTally = t;
                        }
                        if (t.spurious() - shipped.spurious() <= SPURIOUS_PER_MISSED * Math.max(0, shipped.missed() - t.missed())
                                && (t.missed() < weighedTally.missed()
                                || t.missed() == weighedTally.missed() && t.spurious() < weighedTally.spurious())) {
                            weighed = tried;
                            weighedTally = t;
                        }
                    }
                }
            }
            chosenLikelihoods.put(id, best);
            weighedLikelihoods.put(id, weighed);
            out.printf(Locale.ROOT, "%-22s %-42s %7s %9s%n", id, describe(best), shipped.missed() + " -> " + bestTally.missed(),
                    shipped.spurious() + " -> " + bestTally.spurious());
            weighedRows.append(String.format(Locale.ROOT, "%-22s %-42s %7s %9s%n", id, describe(weighed),
                    shipped.missed() + " -> " + weighedTally.missed(), shipped.spurious() + " -> " + weighedTally.spurious()));
        }
        out.println();
        out.println("likelihoods with the fewest missed that add at most " + SPURIOUS_PER_MISSED + " cases with the card spurious"
                + " for each missed card they save (decision 57's weighing), card-nearest and card-far as shipped");
        out.print(weighedRows);
        int[] nearest = whole(cases, readings, id -> withNearest(byMargins(margins, id), chosenNearest.get(id)));
        int[] likely = whole(cases, readings, chosenLikelihoods::get);
        int[] weighedAll = whole(cases, readings, weighedLikelihoods::get);
        out.printf(Locale.ROOT, "%nall cards with each chosen card-nearest: %d missed (in %d cases), %d cases with a spurious card%n",
                nearest[0], nearest[1], nearest[2]);
        out.printf(Locale.ROOT, "all cards with each chosen likelihood: %d missed (in %d cases), %d cases with a spurious card%n",
                likely[0], likely[1], likely[2]);
        out.printf(Locale.ROOT, "all cards with each likelihood chosen by decision 57's weighing: %d missed (in %d cases), %d cases"
                + " with a spurious card%n", weighedAll[0], weighedAll[1], weighedAll[2]);
    }

    /**
     * For each card, one margin ({@code name}) tried at each value of {@code grid} (the others as shipped), printed as
     * missed / spurious beside the card without it; the first value {@code chosen} accepts against the card without it
     * is the card's choice, or not given (positive infinity) when none is. Given {@code shipped} (the margin's shipped
     * value), against the card as shipped instead, and the shipped value when none is accepted.
     */
    private static Map<String, Double> sweep(String name, String rule, double[] grid,
                                             java.util.function.BiFunction<MeaningMargins.CardMargins, Double, MeaningMargins.CardMargins> with,
                                             java.util.function.ToDoubleFunction<MeaningMargins.CardMargins> shipped,
                                             java.util.function.BiPredicate<Tally, Tally> chosen, List<Case> cases,
                                             List<List<CardReading>> readings, List<String> ids, MeaningMargins margins,
                                             PrintStream out) {
        out.println(name + " (missed / cases with the card spurious); chosen: " + rule);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s %11s", "card", "none"));
        for (double d : grid) {
            head.append(String.format(Locale.ROOT, " %10s", plain(d)));
        }
        out.println(head + "   chosen");
        Map<String, Double> choices = new LinkedHashMap<>();
        for (String id : ids) {
            MeaningMargins.CardMargins m = byMargins(margins, id);
            Tally none = tally(cases, readings, ids.indexOf(id), id, with.apply(m, Double.POSITIVE_INFINITY));
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s %11s", id, none.missed() + "/" + none.spurious()));
            Tally base = shipped != null ? tally(cases, readings, ids.indexOf(id), id, m) : none;
            Double choice = null;
            for (double d : grid) {
                Tally t = tally(cases, readings, ids.indexOf(id), id, with.apply(m, d));
                row.append(String.format(Locale.ROOT, " %10s", t.missed() + "/" + t.spurious()));
                if (choice == null && chosen.test(base, t)) {
                    choice = d;
                }
            }
            if (choice == null && shipped != null && shipped.applyAsDouble(m) != Double.POSITIVE_INFINITY) {
                choice = shipped.applyAsDouble(m);
            }
            choices.put(id, choice == null ? Double.POSITIVE_INFINITY : choice);
            out.println(row + "   " + (choice == null ? "none" : plain(choice)));
        }
        return choices;
    }

    /** Missed cards, cases with a missed card, and cases with a spurious card, every card decided with its margins. */
    /**
     * A card's margins without its {@code card-weights}: what this tool tunes. Where a card has weights they decide
     * whether it is shown, and the margins only keep opposite sections from being quoted; {@code weigh-cards} measures
     * the weights.
     */
    private static MeaningMargins.CardMargins byMargins(MeaningMargins margins, String id) {
        MeaningMargins.CardMargins m = margins.forCard(id);
        return new MeaningMargins.CardMargins(m.likely(), m.withoutWords(), m.sentence(), m.nearest(), m.far(), m.line());
    }

    static int[] whole(List<Case> cases, List<List<CardReading>> readings,
                               java.util.function.Function<String, MeaningMargins.CardMargins> margins) {
        int[] counts = new int[3];
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Set<String> on = new HashSet<>();
            for (CardReading r : readings.get(i)) {
                if (r.applies(margins.apply(r.card().id()))) {
                    on.add(r.card().id());
                }
            }
            long missed = c.needed().stream().filter(id -> !on.contains(id)).count();
            counts[0] += (int) missed;
            counts[1] += missed > 0 ? 1 : 0;
            counts[2] += on.stream().anyMatch(id -> !c.needed().contains(id) && !c.allowed().contains(id)) ? 1 : 0;
        }
        return counts;
    }

    private static MeaningMargins.CardMargins withNearest(MeaningMargins.CardMargins m, double nearest) {
        return new MeaningMargins.CardMargins(m.likely(), m.withoutWords(), m.sentence(), nearest, m.far(), m.line());
    }

    private static MeaningMargins.CardMargins withFar(MeaningMargins.CardMargins m, double far) {
        return new MeaningMargins.CardMargins(m.likely(), m.withoutWords(), m.sentence(), m.nearest(), far, m.line());
    }

    private static String describe(MeaningMargins.CardMargins m) {
        return plain(m.likely()) + " / " + plain(m.withoutWords()) + " / " + plain(m.sentence()) + " / "
                + (Double.isInfinite(m.nearest()) ? "none" : plain(m.nearest())) + " / "
                + (Double.isInfinite(m.far()) ? "none" : plain(m.far()));
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(Math.round(d * 1000) / 1000.0)).stripTrailingZeros().toPlainString();
    }
}
