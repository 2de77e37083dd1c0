package org.sga.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.sga.app.cli.UsageException;
import org.sga.core.guidance.CardReading;
import org.sga.core.guidance.MeaningMargins;
import org.sga.eval.SafetySets.Case;

/**
 * {@code weigh-cards [--parts N] SET.jsonl...}: each card's readings weighed together ({@code card-weights} in
 * {@code margins.yml}), learned from the safety sets as {@code tune-cards} reads them (each part's cases read by cards
 * that did not learn from them). For each card the weights are those of {@link CardWeighing}: the fewest missed cards
 * with the card spurious in no more cases than with the shipped margins. Printed: the shipped margins' figures, the
 * weights' on the same cases, and the weights' when learned without each part in turn (the figures to expect on sets
 * the weights were not learned from, and the same with the cases that only allow a card read as not needing it, as the
 * weights were learned before decision 73), then the weights in the form of {@code margins.yml}. With {@code --readings
 * FILE} it also writes every case's readings to {@code FILE}, to try other ways of weighing them outside the bot
 * ({@link #writeReadings}). Run it on the development sets in eval/safety/ only, never on eval/blind/ (eval/README.md).
 */
final class WeighCardsCommand implements Tool {

    static final String USAGE = "usage: weigh-cards [--parts N] [--readings FILE] SET.jsonl...   (safety sets as"
            + " score_safety.py reads them; N from 2 to 20, default 8; FILE: every case's readings, tab-separated)";

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(args);
        Path readings = SafetySets.readingsFile("weigh-cards", USAGE, rest);
        SafetySets.Dealt dealt = SafetySets.read("weigh-cards", USAGE, rest);
        TuneCardsCommand.Read read = TuneCardsCommand.read(dealt, err);
        if (readings != null) {
            writeReadings(read, readings);
            err.println("weigh-cards: every case's readings written to " + readings);
        }
        report(read, dealt.parts(), dealt.bySet().size(), out);
        out.flush();
        return 0;
    }

    /**
     * Every case's readings, one line each after a line of the card ids: the case's part (0-based), the cards it needs
     * and those it allows (comma-separated), then for each card in the order of the first line whether a pattern matches
     * it and whether a danger situation brings it (1 or 0) and its {@link CardReading#features}, all comma-separated.
     * A case with no readings (it only asks what a word means) has nothing after its labels. No message text is written.
     */
    static void writeReadings(TuneCardsCommand.Read read, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join("\t", read.ids()) + "\n");
            for (int i = 0; i < read.cases().size(); i++) {
                Case c = read.cases().get(i);
                StringBuilder line = new StringBuilder().append(read.parts().get(i)).append('\t')
                        .append(String.join(",", new TreeSet<>(c.needed()))).append('\t')
                        .append(String.join(",", new TreeSet<>(c.allowed())));
                for (CardReading r : read.readings().get(i)) {
                    line.append('\t').append(r.matched() ? 1 : 0).append(',').append(r.brought() ? 1 : 0);
                    for (double f : r.features()) {
                        line.append(',').append(f);
                    }
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    static void report(TuneCardsCommand.Read read, int parts, int sets, PrintStream out) {
        List<Case> cases = read.cases();
        List<String> ids = read.ids();
        out.printf(Locale.ROOT, "guidance cards weighed on %,d cases of %d sets, each of %d parts of the sets left out of the"
                + " cards' learning in turn%n%n", cases.size(), sets, parts);
        out.printf(Locale.ROOT, "%-22s %18s %18s %22s %22s%n", "card", "shipped", "weighed", "weighed, part left out",
                "same, allowed as unneeded");
        out.printf(Locale.ROOT, "%-22s %18s %18s %22s %22s%n", "", "missed / spurious", "missed / spurious", "missed / spurious",
                "missed / spurious");
        boolean[][] shipped = new boolean[cases.size()][ids.size()];
        boolean[][] weighed = new boolean[cases.size()][ids.size()];
        boolean[][] leftOut = new boolean[cases.size()][ids.size()];
        boolean[][] allowedAsUnneeded = new boolean[cases.size()][ids.size()];
        List<MeaningMargins.CardWeights> chosen = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            MeaningMargins.CardMargins m = read.margins().forCard(id);
            List<CardWeighing.Row> rows = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                List<CardReading> readings = read.readings().get(i);
                // No readings: the message only asks what a word means, and no card applies.
                if (!readings.isEmpty()) {
                    Case c = cases.get(i);
                    rows.add(new CardWeighing.Row(readings.get(k), c.needed().contains(id), c.allowed().contains(id)));
                    at.add(i);
                }
            }
            MeaningMargins.CardWeights weights = rounded(CardWeighing.learn(rows, spurious(rows, m)));
            chosen.add(weights);
            MeaningMargins.CardMargins withWeights = with(m, weights);
            for (int part = 0; part < parts; part++) {
                List<CardWeighing.Row> others = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (read.parts().get(at.get(r)) != part) {
                        others.add(rows.get(r));
                    }
                }
                MeaningMargins.CardMargins learned = with(m, CardWeighing.learn(others, spurious(others, m)));
                MeaningMargins.CardMargins learnedWithAllowed = with(m, CardWeighing.learn(others, spurious(others, m),
                        Weighing.Neutral.AS_UNWANTED));
                for (int r = 0; r < rows.size(); r++) {
                    if (read.parts().get(at.get(r)) == part) {
                        leftOut[at.get(r)][k] = rows.get(r).reading().applies(learned);
                        allowedAsUnneeded[at.get(r)][k] = rows.get(r).reading().applies(learnedWithAllowed);
                    }
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                shipped[at.get(r)][k] = rows.get(r).reading().applies(m);
                weighed[at.get(r)][k] = rows.get(r).reading().applies(withWeights);
            }
            out.printf(Locale.ROOT, "%-22s %18s %18s %22s %22s%n", id, tally(cases, shipped, k, id),
                    tally(cases, weighed, k, id), tally(cases, leftOut, k, id), tally(cases, allowedAsUnneeded, k, id));
        }
        out.println();
        out.println("all cards: missed (cases with a missed card) / cases with a spurious card");
        out.println("  shipped:                " + whole(cases, ids, shipped));
        out.println("  weighed:                " + whole(cases, ids, weighed));
        out.println("  weighed, part left out: " + whole(cases, ids, leftOut));
        out.println("  the same, with the cases that only allow a card learned as not needing it: "
                + whole(cases, ids, allowedAsUnneeded));
        out.println();
        out.println("card-weights for margins.yml (under each card, the weights learned from all the sets):");
        for (int k = 0; k < ids.size(); k++) {
            out.println("      " + ids.get(k) + ":");
            out.println("        card-weights:");
            double[] w = chosen.get(k).values();
            for (int i = 0; i < w.length; i++) {
                out.printf(Locale.ROOT, "          %s: %s%n", MeaningMargins.CardWeights.KEYS.get(i), plain(w[i]));
            }
        }
    }

    /** How many of {@code rows} show the card as shipped and would be spurious. */
    private static int spurious(List<CardWeighing.Row> rows, MeaningMargins.CardMargins m) {
        return (int) rows.stream().filter(r -> r.spuriousIfShown() && r.reading().applies(m)).count();
    }

    private static String tally(List<Case> cases, boolean[][] on, int k, String id) {
        int missed = 0;
        int spurious = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            missed += c.needed().contains(id) && !on[i][k] ? 1 : 0;
            spurious += on[i][k] && !c.needed().contains(id) && !c.allowed().contains(id) ? 1 : 0;
        }
        return missed + " / " + spurious;
    }

    private static String whole(List<Case> cases, List<String> ids, boolean[][] on) {
        int missed = 0;
        int missedCases = 0;
        int spuriousCases = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            int m = 0;
            boolean spurious = false;
            for (int k = 0; k < ids.size(); k++) {
                String id = ids.get(k);
                m += c.needed().contains(id) && !on[i][k] ? 1 : 0;
                spurious |= on[i][k] && !c.needed().contains(id) && !c.allowed().contains(id);
            }
            missed += m;
            missedCases += m > 0 ? 1 : 0;
            spuriousCases += spurious ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%d (%d) / %d", missed, missedCases, spuriousCases);
    }

    private static MeaningMargins.CardMargins with(MeaningMargins.CardMargins m, MeaningMargins.CardWeights weights) {
        return new MeaningMargins.CardMargins(m.likely(), m.withoutWords(), m.sentence(), m.nearest(), m.far(), weights,
                m.besideStronger(), m.line());
    }

    /** As printed for the file (four decimals), so that the figures are those of the weights as shipped. */
    static MeaningMargins.CardWeights rounded(MeaningMargins.CardWeights w) {
        double[] v = w.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * 10_000) / 10_000.0;
        }
        return MeaningMargins.CardWeights.of(v);
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
