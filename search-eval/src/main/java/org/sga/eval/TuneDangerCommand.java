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
import java.util.Set;
import org.sga.app.cli.UsageException;
import org.sga.app.content.Content;
import org.sga.app.content.ContentSource;
import org.sga.content.Library;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.eval.SafetySets.Case;

/**
 * {@code tune-danger [--parts N] SET.jsonl...}: how the danger check does on safety sets it did not learn from, and
 * which margins would do better. The sets are dealt into {@code N} parts (by name, in turn); for each part the check
 * learns from every example and calm phrasing of {@code danger.yml} but the part's messages, and reads the part's
 * cases labelled danger now or not (a case labelled either way counts for neither). The readings are then decided with
 * the shipped margins and with others, by the check's own decision ({@link DangerSignals.Reading#applies}): 999 lines
 * missed (unsafe) and false alarms. Run it on the development sets in eval/safety/ only, never on eval/blind/.
 */
final class TuneDangerCommand implements Tool {

    static final String USAGE = "usage: tune-danger [--parts N] [--false-alarms PERCENT] [--readings FILE] SET.jsonl..."
            + "   (safety sets as score_safety.py reads them; N from 2 to 20, default 8; PERCENT: the share of the cases"
            + " labelled not danger now the weights may alarm, from 0 to 100, default as many as the shipped weights raise;"
            + " FILE: every case's readings, tab-separated)";

    /** The shares of the cases labelled not danger now that the weights are learned to alarm at most, shown side by side. */
    static final double[] SHARES = {0.035, 0.04, 0.045, 0.05};

    /** The classifier's likelihoods tried (decisions 21 and 39 chose among these). */
    static final double[] LIKELIHOODS = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};
    /** The margins over the calm phrasings tried. */
    static final double[] MARGINS = {-0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0};
    /** What a situation without the words it needs loses, tried. */
    static final double[] WITHOUT_CUE = {0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06};
    /** The most false alarms the chosen margins may raise, of the cases labelled not danger now (decision 39's rule). */
    static final double MOST_FALSE_ALARMS = 0.045;
    /** The target itself: at most this share of false alarms (decision 61's rule, printed beside decision 39's). */
    static final double TARGET_FALSE_ALARMS = 0.05;

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(args);
        Double share = null;
        int flag = rest.indexOf("--false-alarms");
        if (flag >= 0) {
            if (flag + 1 >= rest.size()) {
                throw new UsageException(USAGE);
            }
            String given = rest.remove(flag + 1);
            rest.remove(flag);
            try {
                share = Double.parseDouble(given) / 100;
            } catch (NumberFormatException e) {
                share = Double.NaN;
            }
            if (!(share >= 0 && share <= 1)) {
                throw new UsageException("tune-danger: --false-alarms: '" + given + "' is not a percentage from 0 to 100");
            }
        }
        Path readingsFile = SafetySets.readingsFile("tune-danger", USAGE, rest);
        SafetySets.Dealt dealt = SafetySets.read("tune-danger", USAGE, rest);
        ContentSource content = Content.contentSource();
        Library library = content.library();
        CachedEmbedder embedder = content.embedder();
        MeaningMargins margins = content.margins();
        DangerSignals danger = content.dangerSignals(library, embedder);
        List<Case> cases = new ArrayList<>();
        List<DangerSignals.Reading> readings = new ArrayList<>();
        List<Integer> partOf = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (int part = 0; part < dealt.parts(); part++) {
            long start = System.nanoTime();
            Set<String> leftOut = dealt.keys(part);
            DangerSignals learned = danger.leavingOut(m -> leftOut.contains(SafetySets.key(m)));
            int read = 0;
            for (String set : dealt.sets(part)) {
                List<Case> held = dealt.bySet().get(set);
                for (int k = 0; k < held.size(); k++) {
                    Case c = held.get(k);
                    if (c.danger() != null) {
                        cases.add(c);
                        readings.add(learned.reading(c.message()));
                        partOf.add(part);
                        origins.add(Path.of(set).getFileName() + "\t" + (k + 1));
                        read++;
                    }
                }
            }
            err.printf(Locale.ROOT, "part %d of %d: %,d cases read in %.0f s%n", part + 1, dealt.parts(), read,
                    (System.nanoTime() - start) / 1e9);
        }
        embedder.save();
        if (readingsFile != null) {
            writeReadings(cases, readings, partOf, origins, margins, readingsFile);
            err.println("tune-danger: every case's readings written to " + readingsFile);
        }
        report(cases, readings, partOf, margins, dealt.parts(), dealt.bySet().size(), share, out);
        out.flush();
        return 0;
    }

    /**
     * Every case's readings, one line each: its set's file name, its case number in the set (from 1, blank lines not
     * counted), its part (0-based), whether it is labelled danger now (1 or 0), whether a danger phrase or a situation's
     * pattern brings the line (1 or 0), whether the shipped margins bring it (1 or 0), the reading's
     * {@link DangerSignals.Reading#features} with the shipped {@code without-cue}, comma-separated, then the closest
     * situation's id, the closest situation with the words it needs and its margin over the calm phrasings, the same
     * without them, the classifier's likelihood and whether words say the danger is over ({@code -}: none). No message
     * text is written.
     */
    static void writeReadings(List<Case> cases, List<DangerSignals.Reading> readings, List<Integer> partOf,
                              List<String> origins, MeaningMargins margins, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < cases.size(); i++) {
                DangerSignals.Reading r = readings.get(i);
                boolean brought = r.phrase() || r.matched() != null;
                boolean shipped = r.phrase() || r.situation(margins).isPresent();
                StringBuilder line = new StringBuilder(origins.get(i)).append('\t').append(partOf.get(i)).append('\t')
                        .append(cases.get(i).danger() ? 1 : 0).append('\t').append(brought ? 1 : 0).append('\t')
                        .append(shipped ? 1 : 0).append('\t');
                double[] f = r.features(margins.withoutCue());
                for (int k = 0; k < f.length; k++) {
                    line.append(k == 0 ? "" : ",").append(f[k]);
                }
                line.append('\t').append(id(r.closest(margins.withoutCue()))).append('\t').append(id(r.cued()))
                        .append(',').append(finite(r.cuedMargin())).append('\t').append(id(r.uncued())).append(',')
                        .append(finite(r.uncuedMargin())).append('\t').append(r.likelihood()).append('\t')
                        .append(r.over() ? 1 : 0);
                w.write(line.append('\n').toString());
            }
        }
    }

    private static String id(org.sga.core.guidance.Situation s) {
        return s == null ? "-" : s.id();
    }

    private static String finite(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "-";
    }

    /** 999 lines missed and false alarms, with these margins. */
    record Tally(int missed, int falseAlarms) {
    }

    /** The margins the check decides with. */
    record Margins(double danger, double likelihood, double withoutCue) {
    }

    static Tally tally(List<Case> cases, List<DangerSignals.Reading> readings, Margins m) {
        int missed = 0;
        int falseAlarms = 0;
        for (int i = 0; i < cases.size(); i++) {
            boolean on = readings.get(i).applies(m.danger(), m.likelihood(), m.withoutCue());
            missed += cases.get(i).danger() && !on ? 1 : 0;
            falseAlarms += !cases.get(i).danger() && on ? 1 : 0;
        }
        return new Tally(missed, falseAlarms);
    }

    /** As below, the cases dealt to the parts in turn. */
    static void report(List<Case> cases, List<DangerSignals.Reading> readings, MeaningMargins margins, int parts, int sets,
                       Double share, PrintStream out) {
        List<Integer> partOf = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            partOf.add(i % parts);
        }
        report(cases, readings, partOf, margins, parts, sets, share, out);
    }

    /**
     * The figures at the shipped margins, a grid of others, the margins decision 39's and decision 61's rules would
     * choose, and the readings weighed together ({@code danger-weights}, decision 63); {@code partOf}: each case's part;
     * {@code share}: the share of the cases labelled not danger now the weights may alarm (null: as many as shipped).
     */
    static void report(List<Case> cases, List<DangerSignals.Reading> readings, List<Integer> partOf, MeaningMargins margins,
                       int parts, int sets, Double share, PrintStream out) {
        long dangerNow = cases.stream().filter(Case::danger).count();
        long calm = cases.size() - dangerNow;
        out.printf(Locale.ROOT, "danger check on %,d cases (%,d labelled danger now, %,d not) of %d sets, each of %d parts of"
                + " the sets left out of its examples in turn%n%n", cases.size(), dangerNow, calm, sets, parts);
        Margins shipped = new Margins(margins.danger(), margins.dangerLikelihood(), margins.withoutCue());
        Tally at = tally(cases, readings, shipped);
        out.printf(Locale.ROOT, "shipped (%s): 999 line missed %d of %,d, false alarms %d of %,d (%s)%n",
                describe(shipped), at.missed(), dangerNow, at.falseAlarms(), calm, percent(at.falseAlarms(), calm));
        long byPattern = 0;
        long calmByPattern = 0;
        for (int i = 0; i < cases.size(); i++) {
            DangerSignals.Reading r = readings.get(i);
            if (r.phrase() || r.matched() != null) {
                byPattern++;
                calmByPattern += cases.get(i).danger() ? 0 : 1;
            }
        }
        out.printf(Locale.ROOT, "brought by a danger phrase or a situation's pattern, whatever the margins: %,d cases, %,d of them"
                + " labelled not danger now (false alarms no margin or weight can take away)%n%n", byPattern, calmByPattern);

        out.println("danger-likelihood (rows) and danger (columns), without-cue as shipped: 999 line missed / false alarms");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s", ""));
        for (double d : MARGINS) {
            head.append(String.format(Locale.ROOT, " %10s", plain(d)));
        }
        out.println(head);
        for (double l : LIKELIHOODS) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", plain(l)));
            for (double d : MARGINS) {
                Tally t = tally(cases, readings, new Margins(d, l, shipped.withoutCue()));
                row.append(String.format(Locale.ROOT, " %10s", t.missed() + "/" + t.falseAlarms()));
            }
            out.println(row);
        }
        out.println();
        StringBuilder cue = new StringBuilder("without-cue, danger and danger-likelihood as shipped:");
        for (double w : WITHOUT_CUE) {
            Tally t = tally(cases, readings, new Margins(shipped.danger(), shipped.likelihood(), w));
            cue.append(String.format(Locale.ROOT, "  %s: %d/%d", plain(w), t.missed(), t.falseAlarms()));
        }
        out.println(cue);
        out.println();

        for (double margined : new double[] {MOST_FALSE_ALARMS, TARGET_FALSE_ALARMS}) {
            long most = (long) Math.floor(margined * calm);
            Margins best = null;
            Tally bestTally = null;
            for (double l : LIKELIHOODS) {
                for (double d : MARGINS) {
                    for (double w : WITHOUT_CUE) {
                        Margins tried = new Margins(d, l, w);
                        Tally t = tally(cases, readings, tried);
                        if (t.falseAlarms() <= most && (bestTally == null || t.missed() < bestTally.missed()
                                || t.missed() == bestTally.missed() && t.falseAlarms() < bestTally.falseAlarms())) {
                            best = tried;
                            bestTally = t;
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, "chosen: the fewest 999 lines missed with false alarms at most %s of the cases labelled"
                    + " not danger now (%d), then the fewest false alarms%n", percent(margined), most);
            if (best == null) {
                out.println("  none: every margin tried raises more false alarms");
            } else {
                out.printf(Locale.ROOT, "  %s: 999 line missed %d -> %d, false alarms %d -> %d (%s)%n", describe(best),
                        at.missed(), bestTally.missed(), at.falseAlarms(), bestTally.falseAlarms(),
                        percent(bestTally.falseAlarms(), calm));
            }
        }
        out.println();
        weigh(cases, readings, partOf, margins, parts, calm, share, out);
    }

    /**
     * The 999 line by the readings weighed together ({@link Weighing}): the fewest missed with no more false alarms than
     * as shipped (or than {@code share} of the cases labelled not danger now), learned from all the cases and without
     * each part in turn; the same for each of {@link #SHARES}; then the weights in the form of the file.
     */
    private static void weigh(List<Case> cases, List<DangerSignals.Reading> readings, List<Integer> partOf,
                              MeaningMargins margins, int parts, long calm, Double share, PrintStream out) {
        double withoutCue = margins.withoutCue();
        List<Weighing.Row> rows = new ArrayList<>();
        boolean[] shipped = new boolean[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            DangerSignals.Reading r = readings.get(i);
            shipped[i] = r.phrase() || r.situation(margins).isPresent();
            // A danger phrase or a situation's pattern brings the line; a message close to no situation never gets it.
            Boolean decided = r.phrase() || r.matched() != null ? Boolean.TRUE : r.closest(withoutCue) == null ? Boolean.FALSE : null;
            rows.add(new Weighing.Row(r.features(withoutCue), cases.get(i).danger(), !cases.get(i).danger(), decided));
        }
        java.util.function.Function<java.util.function.IntPredicate, Integer> allowed = share == null
                ? counted -> falseAlarms(rows, shipped, counted) : counted -> mostFalseAlarms(rows, counted, share);
        Views views = new Views(margins.dangerSecondModel(), margins.dangerThirdModel());
        Weighed chosen = weighed(rows, readings, partOf, parts, withoutCue, views, allowed);
        out.println("danger-weights (decision 63): the readings weighed together, with the fewest 999 lines missed and no"
                + " more false alarms than " + (share == null ? "as shipped" : percent(share) + " of the cases labelled not danger now"));
        out.println("  as shipped:             " + tally(cases, shipped, calm));
        out.println("  weighed:                " + tally(cases, chosen.all(), calm));
        out.println("  weighed, part left out: " + tally(cases, chosen.leftOut(), calm));
        out.println("with no more false alarms than a share of the cases labelled not danger now (weighed / part left out):");
        for (double s : SHARES) {
            Weighed at = weighed(rows, readings, partOf, parts, withoutCue, views, counted -> mostFalseAlarms(rows, counted, s));
            out.printf(Locale.ROOT, "  %-8s %s / %s; weights %s%n", percent(s) + ":", tally(cases, at.all(), calm),
                    tally(cases, at.leftOut(), calm), inLine(at.weights()));
        }
        out.println("for margins.yml (under the model, the weights learned from all the sets):");
        out.println("    danger-weights:");
        MeaningMargins.DangerWeights all = chosen.weights();
        double[] w = all.values();
        if (views.second() != null) {
            out.printf(Locale.ROOT, "      %s: %s%n", MeaningMargins.DangerWeights.SECOND_MODEL, views.second().setting());
        }
        if (views.third() != null) {
            out.printf(Locale.ROOT, "      %s: %s%n", MeaningMargins.DangerWeights.THIRD_MODEL, views.third().setting());
        }
        for (int i = 0; i < w.length; i++) {
            String key = MeaningMargins.DangerWeights.KEYS.get(i);
            // The third view's weight is left out when the check has no third view.
            if (!("third-view".equals(key) && views.third() == null)) {
                out.printf(Locale.ROOT, "      %s: %s%n", key, decimal(w[i]));
            }
        }
    }

    /** The weights as the file gives them, on one line ({@code margin 1.2, likelihood 0.6, ...}). */
    static String inLine(MeaningMargins.DangerWeights weights) {
        double[] w = weights.values();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            parts.add(MeaningMargins.DangerWeights.KEYS.get(i) + " " + decimal(w[i]));
        }
        return String.join(", ", parts);
    }

    /** A weight as the file gives it: its decimals, without trailing zeros. */
    private static String decimal(double weight) {
        return new java.math.BigDecimal(Double.toString(weight)).stripTrailingZeros().toPlainString();
    }

    /** Weights learned from all the cases (rounded as for the file), and where they and those learned without each part fire. */
    private record Weighed(MeaningMargins.DangerWeights weights, boolean[] all, boolean[] leftOut) {
    }

    /** The weights learned with at most {@code allowed} false alarms among the rows counted, from all and without each part. */
    private static Weighed weighed(List<Weighing.Row> rows, List<DangerSignals.Reading> readings, List<Integer> partOf,
                                   int parts, double withoutCue, Views views,
                                   java.util.function.Function<java.util.function.IntPredicate, Integer> allowed) {
        MeaningMargins.DangerWeights all = rounded(Weighing.learn(rows, allowed.apply(i -> true)), views);
        boolean[] weighed = new boolean[rows.size()];
        boolean[] leftOut = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            weighed[i] = readings.get(i).applies(all, withoutCue);
        }
        for (int part = 0; part < parts; part++) {
            int p = part;
            List<Weighing.Row> others = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (partOf.get(i) != p) {
                    others.add(rows.get(i));
                }
            }
            MeaningMargins.DangerWeights learned = weights(Weighing.learn(others, allowed.apply(i -> partOf.get(i) != p)), views);
            for (int i = 0; i < rows.size(); i++) {
                if (partOf.get(i) == p) {
                    leftOut[i] = readings.get(i).applies(learned, withoutCue);
                }
            }
        }
        return new Weighed(all, weighed, leftOut);
    }

    /** {@code share} of the counted rows where the line is unwanted, rounded down. */
    private static int mostFalseAlarms(List<Weighing.Row> rows, java.util.function.IntPredicate counted, double share) {
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            n += counted.test(i) && rows.get(i).unwanted() ? 1 : 0;
        }
        return (int) Math.floor(share * n + 1e-9);
    }

    private static int falseAlarms(List<Weighing.Row> rows, boolean[] shipped, java.util.function.IntPredicate counted) {
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            n += counted.test(i) && shipped[i] && rows.get(i).unwanted() ? 1 : 0;
        }
        return n;
    }

    private static String tally(List<Case> cases, boolean[] on, long calm) {
        int missed = 0;
        int falseAlarms = 0;
        for (int i = 0; i < cases.size(); i++) {
            missed += cases.get(i).danger() && !on[i] ? 1 : 0;
            falseAlarms += !cases.get(i).danger() && on[i] ? 1 : 0;
        }
        return String.format(Locale.ROOT, "999 line missed %d, false alarms %d (%s)", missed, falseAlarms, percent(falseAlarms, calm));
    }

    /** As printed for the file (four decimals), so that the figures are those of the weights as shipped. */
    private static MeaningMargins.DangerWeights rounded(double[] w, Views views) {
        double[] v = w.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * 10_000) / 10_000.0;
        }
        return weights(v, views);
    }

    /** The models of the check's second and third views (null: no such view). */
    private record Views(EmbeddingModel second, EmbeddingModel third) {
    }

    /** The weights learned, with the views' models; without a view its reading is always 0 and so is its weight. */
    private static MeaningMargins.DangerWeights weights(double[] w, Views views) {
        double[] v = w.clone();
        if (views.second() == null) {
            v[4] = 0;
        }
        if (views.third() == null) {
            v[5] = 0;
        }
        return MeaningMargins.DangerWeights.of(v, views.second(), views.third());
    }

    private static String describe(Margins m) {
        return "danger " + plain(m.danger()) + ", danger-likelihood " + plain(m.likelihood()) + ", without-cue " + plain(m.withoutCue());
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : percent((double) part / whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(Math.round(d * 1000) / 1000.0)).stripTrailingZeros().toPlainString();
    }
}
