package org.sga.core.conversation;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.sga.core.guidance.Background;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.Situation;
import org.sga.core.guidance.SituationClassifier;
import org.sga.core.guidance.SituationReader;
import org.sga.core.guidance.Wording;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;
import org.sga.core.search.QueryText;
import org.sga.core.yaml.LinedYaml;
import org.sga.core.yaml.SplitDocument;

/**
 * Recognises a message that suggests a child may be in danger now, so the reply opens with the 999 line: by meaning
 * (closer to the example phrasings of a danger situation than to calm ones, with the words the situation needs, such
 * as a time, and likely about danger to a classifier learned from the same phrasings) and by patterns. Situations,
 * examples and patterns are content ({@code search/danger.yml}). A second embedding model, when the margins name one,
 * gives the message a second view: the likelihood a classifier learned from the same phrasings over that model's
 * embeddings finds, weighed with the other readings; a third model, a third view the same way.
 */
public final class DangerSignals {

    private static final Set<String> KEYS = Set.of("cues", "never_quote", "situations", "patterns", "calm");
    private static final Set<String> SITUATION_KEYS = Set.of("id", "name", "needs", "unless", "cards", "cards_need", "never_quote",
            "examples", "not", "patterns");

    private final List<Pattern> patterns;
    private final List<Situation> situations;
    private final Map<String, List<String>> cards;
    /** Per situation, the words a message needs for its cards to come with the 999 line (none: always). */
    private final Map<String, Pattern> cardsNeed;
    private final Map<String, List<String>> neverQuote;
    /** Sections never quoted while the 999 line comes first, whatever brought it (a danger phrase too). */
    private final List<String> alwaysNeverQuote;
    private final Map<String, Integer> cardLines;
    private final Phrasings calm;
    private final Embedder embedder;
    /** The second view's model (null: none). */
    private final Embedder second;
    /** The third view's model (null: none). */
    private final Embedder third;
    private final MeaningMargins margins;
    private final Background<Prepared> prepared;

    /**
     * The situations and the calm phrasings with their vectors, and what tells danger from calm learned from them
     * (null without phrasings on both sides), over the model's embeddings and over the second and third views'
     * ({@code second}, {@code third}: null without one), and from the phrasings' words ({@code wording}).
     */
    private record Prepared(List<Situation> situations, Phrasings calm, SituationClassifier classifier,
                            SituationClassifier second, SituationClassifier third, Wording wording) {

        static Prepared of(List<Situation> situations, Phrasings calm, Embedder embedder, Embedder secondView, Embedder thirdView) {
            List<Situation> embedded = situations.stream().map(s -> s.embedded(embedder)).toList();
            Phrasings calmEmbedded = calm.embedded(embedder);
            List<String> examples = situations.stream().flatMap(s -> s.examples().texts().stream()).toList();
            boolean learnable = !examples.isEmpty() && !calm.texts().isEmpty();
            SituationClassifier classifier = learnable
                    ? SituationClassifier.learned(embedder, Phrasings.of(examples).embedded(embedder), List.of(calmEmbedded)) : null;
            // The other views keep no phrasing's vector: once learned (or shipped), a classifier is all they need.
            SituationClassifier second = learnable && secondView != null
                    ? SituationClassifier.learnedEmbedding(secondView, Phrasings.of(examples), List.of(calm)) : null;
            SituationClassifier third = learnable && thirdView != null
                    ? SituationClassifier.learnedEmbedding(thirdView, Phrasings.of(examples), List.of(calm)) : null;
            // The wording learns from the same phrasings; its weights are kept with the model's vectors.
            Wording wording = learnable ? Wording.learned(embedder, "danger-words", examples, calm.texts()) : null;
            return new Prepared(embedded, calmEmbedded, classifier, second, third, wording);
        }
    }

    /**
     * Why the 999 line comes first (the situation's name, or "a danger phrase"), the ids of the guidance cards the
     * situation always brings, and the sections never quoted as the answer in it (a child threatening to harm
     * themselves is not a child who harms others).
     */
    public record Alert(String reason, List<String> cards, List<String> neverQuote) {
        public Alert {
            cards = List.copyOf(cards);
            neverQuote = List.copyOf(neverQuote);
        }
    }

    /** Patterns only: for tools and tests that run without the embedding model. */
    public DangerSignals(List<Pattern> patterns) {
        this(patterns, List.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Phrasings.of(List.of()), null, null, null, null,
                null);
    }

    private DangerSignals(List<Pattern> patterns, List<Situation> situations, Map<String, List<String>> cards,
                          Map<String, Pattern> cardsNeed, Map<String, List<String>> neverQuote, List<String> alwaysNeverQuote, Map<String, Integer> cardLines, Phrasings calm,
                          Embedder embedder, Embedder second, Embedder third, MeaningMargins margins, Runnable whenEmbedded) {
        this.patterns = List.copyOf(patterns);
        this.situations = List.copyOf(situations);
        this.cards = Map.copyOf(cards);
        this.cardsNeed = Map.copyOf(cardsNeed);
        this.neverQuote = Map.copyOf(neverQuote);
        this.alwaysNeverQuote = List.copyOf(alwaysNeverQuote);
        this.cardLines = Map.copyOf(cardLines);
        this.calm = calm;
        this.embedder = embedder;
        this.second = second;
        this.third = third;
        this.margins = margins;
        this.prepared = embedder == null ? Background.ready(new Prepared(this.situations, calm, null, null, null, null))
                : new Background<>("danger-examples", () -> Prepared.of(this.situations, calm, embedder, second, third), whenEmbedded);
    }

    /**
     * Reads {@code search/danger.yml}: {@code cues}, {@code situations} (id, name, needs, unless, cards, cards_need, never_quote, examples, not, patterns),
     * {@code patterns} and {@code calm}. A problem names the line. Until {@link #withMeaning} only patterns count.
     */
    public static DangerSignals parse(Reader reader, String source) {
        // The situations' examples and the calm phrasings are thousands of lines: read one situation at a time.
        SplitDocument document = SplitDocument.parse(reader, source, "situations", "calm");
        LinedYaml root = document.root().allowOnly(KEYS);
        SituationReader read = new SituationReader(root.get("cues"));
        List<Situation> situations = new ArrayList<>();
        Map<String, List<String>> cards = new HashMap<>();
        Map<String, Pattern> cardsNeed = new HashMap<>();
        Map<String, List<String>> neverQuote = new HashMap<>();
        Map<String, Integer> cardLines = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (LinedYaml entry : document.items("situations")) {
            entry.allowOnly(SITUATION_KEYS);
            String id = entry.get("id").text();
            if (ids.contains(id)) {
                throw entry.get("id").problem("situation '" + id + "' is given twice");
            }
            ids.add(id);
            situations.add(read.situation(entry, id, entry.get("name").text()));
            cards.put(id, entry.get("cards").texts());
            Pattern need = read.cue(entry.get("cards_need"));
            if (need != null) {
                cardsNeed.put(id, need);
            }
            cardLines.put(id, entry.get("cards").line());
            neverQuote.put(id, sectionIds(entry.get("never_quote")));
        }
        if (situations.isEmpty()) {
            throw root.get("situations").problem("needs at least one situation");
        }
        Phrasings calm = read.phrasings(document.items("calm"), root.get("calm"), true);
        return new DangerSignals(SituationReader.patterns(root.get("patterns")), situations, cards, cardsNeed, neverQuote,
                sectionIds(root.get("never_quote")), cardLines, calm, null, null, null, null, null);
    }

    private static List<String> sectionIds(LinedYaml list) {
        for (LinedYaml section : list.items()) {
            if (!section.text().matches("[a-z0-9-]+#[0-9.]+")) {
                throw section.problem("'" + section.text() + "' is not a section id like child-abuse-and-ict#3.4");
            }
        }
        return list.texts();
    }

    /**
     * Judges by meaning too, with {@code embedder}; {@code moreCalm} are other phrasings of the content (the guidance cards'
     * examples), counted calm unless a danger situation lists them too, which sharpen the line between worrying and urgent. The example
     * phrasings are embedded on a thread of their own from now on, which then runs {@code whenEmbedded} (e.g. saving the
     * embedding cache).
     */
    public DangerSignals withMeaning(Embedder embedder, MeaningMargins margins, Collection<String> moreCalm, Runnable whenEmbedded) {
        return withMeaning(embedder, null, margins, moreCalm, whenEmbedded);
    }

    /**
     * As {@link #withMeaning(Embedder, MeaningMargins, Collection, Runnable)}, with {@code second} (null: none) giving the
     * message a second view: a classifier learned from the same phrasings over its embeddings, read as the fifth of
     * the readings the {@code danger-weights} weigh.
     */
    public DangerSignals withMeaning(Embedder embedder, Embedder second, MeaningMargins margins, Collection<String> moreCalm,
                                     Runnable whenEmbedded) {
        return withMeaning(embedder, second, null, margins, moreCalm, whenEmbedded);
    }

    /**
     * As {@link #withMeaning(Embedder, Embedder, MeaningMargins, Collection, Runnable)}, with {@code third} (null: none)
     * giving the message a third view the same way, read as the sixth reading.
     */
    public DangerSignals withMeaning(Embedder embedder, Embedder second, Embedder third, MeaningMargins margins,
                                     Collection<String> moreCalm, Runnable whenEmbedded) {
        List<String> all = new ArrayList<>(calm.texts());
        situations.forEach(s -> all.addAll(s.not().texts()));
        // A card's example may describe a child in danger now too (a meeting tonight is also an adult soliciting):
        // one that a danger situation lists as its own example is never counted calm.
        Set<String> dangerous = new HashSet<>();
        situations.forEach(s -> dangerous.addAll(s.examples().texts()));
        // A set for the phrasings already counted: the cards' `none` repeats the calm phrasings of everyday work.
        Set<String> counted = new HashSet<>(all);
        moreCalm.stream().filter(t -> !dangerous.contains(t) && counted.add(t)).forEach(all::add);
        return new DangerSignals(patterns, situations, cards, cardsNeed, neverQuote, alwaysNeverQuote, cardLines, Phrasings.of(all),
                embedder, second,
                third, margins, whenEmbedded);
    }

    /** Whether the meaning check counts this phrasing among the calm ones it weighs danger against. */
    boolean countsCalm(String phrasing) {
        return calm.texts().contains(phrasing);
    }

    /** True when the message suggests a child may be in danger now. */
    public boolean present(String text) {
        return assess(text).isPresent();
    }

    /** What puts the 999 line first: the name of the situation the message is about, or "a danger phrase"; else empty. */
    public Optional<String> assess(String text) {
        return alert(text).map(Alert::reason);
    }

    /** Why the 999 line comes first and the cards that come with it; empty when nothing suggests danger now. */
    public Optional<Alert> alert(String text) {
        Reading reading = reading(text);
        if (reading.phrase()) {
            return Optional.of(new Alert("a danger phrase", List.of(), alwaysNeverQuote));
        }
        if (margins == null) {
            // Patterns only: no margins to judge meaning by.
            return Optional.ofNullable(reading.matched()).map(s -> alert(s, text));
        }
        return reading.situation(margins).map(s -> alert(s, text));
    }

    /**
     * What the check reads in a message before its margins are applied: a danger phrase, a situation's pattern, or by
     * meaning the situation the message is closest to with the words it needs and the one without them (each with its
     * margin over the calm phrasings), and the likelihood the classifier gives it. {@link #alert} decides on it with the
     * shipped margins; tools that choose margins decide on it with others.
     */
    public Reading reading(String text) {
        String message = QueryText.clean(text);
        if (patterns.stream().anyMatch(p -> p.matcher(message).find())) {
            return new Reading(true, null, null, Double.NEGATIVE_INFINITY, null, Double.NEGATIVE_INFINITY, 0);
        }
        Prepared ready = prepared.get();
        for (Situation s : ready.situations()) {
            if (s.matches(message)) {
                return new Reading(false, s, null, Double.NEGATIVE_INFINITY, null, Double.NEGATIVE_INFINITY, 0);
            }
        }
        if (embedder == null || !QueryText.hasWords(message)) {
            return new Reading(false, null, null, Double.NEGATIVE_INFINITY, null, Double.NEGATIVE_INFINITY, 0);
        }
        Situation cued = null;
        Situation uncued = null;
        double cuedMargin = Double.NEGATIVE_INFINITY;
        double uncuedMargin = Double.NEGATIVE_INFINITY;
        double likelihood = ready.classifier() == null ? 1 : 0;
        // The message whole and each of its sentences: one sentence of a long message may be the emergency. The words
        // a situation needs (a time) may be in any sentence.
        List<String> units = Phrasings.units(message);
        List<Situation> situations = ready.situations();
        boolean[] hasWords = new boolean[situations.size()];
        for (int i = 0; i < hasWords.length; i++) {
            hasWords[i] = situations.get(i).cued(message);
        }
        for (String unit : units) {
            float[] q = Phrasings.question(embedder, unit);
            double calmness = ready.calm().closeness(q, margins.closest());
            if (ready.classifier() != null) {
                likelihood = Math.max(likelihood, ready.classifier().probability(q));
            }
            // A sentence alone must stand out more than the whole message: short sentences come close to anything.
            double extra = unit == units.getFirst() ? 0 : margins.sentence();
            for (int i = 0; i < hasWords.length; i++) {
                Situation s = situations.get(i);
                double margin = s.examples().closeness(q, margins.closest()) - calmness - extra;
                if (hasWords[i] && margin > cuedMargin) {
                    cuedMargin = margin;
                    cued = s;
                } else if (!hasWords[i] && margin > uncuedMargin) {
                    uncuedMargin = margin;
                    uncued = s;
                }
            }
        }
        // The closest situation without its words may lack them because words say the danger is over (`unless`).
        boolean over = uncued != null && uncued.unless() != null && uncued.unless().matcher(message).find();
        // The other views read the message whole, as their classifiers learned from whole phrasings.
        double secondLikelihood = ready.second() == null ? Double.NaN : ready.second().probability(Phrasings.question(second, message));
        double thirdLikelihood = ready.third() == null ? Double.NaN : ready.third().probability(Phrasings.question(third, message));
        double wording = ready.wording() == null ? Double.NaN : ready.wording().logOdds(message)[0];
        return new Reading(false, null, cued, cuedMargin, uncued, uncuedMargin, likelihood, over, secondLikelihood, thirdLikelihood,
                wording);
    }

    /**
     * A message as the danger check reads it (see {@link #reading}): {@code phrase} when a danger phrase matched,
     * {@code matched} the situation whose pattern matched; else the closest situations with and without the words they
     * need ({@code cued}, {@code uncued}; null when none), each with its margin over the calm phrasings, the
     * classifier's likelihood, whether the message has the words that rule {@code uncued} out ({@code over}: the
     * danger is over or long past), the likelihoods the second and third views' classifiers find ({@code second},
     * {@code third}; NaN without such a view), and the log-odds of danger now that the phrasings' words give the
     * message's ({@code wording}; NaN without phrasings to learn from).
     */
    public record Reading(boolean phrase, Situation matched, Situation cued, double cuedMargin, Situation uncued,
                          double uncuedMargin, double likelihood, boolean over, double second, double third, double wording) {

        /** Without a reading of the words. */
        public Reading(boolean phrase, Situation matched, Situation cued, double cuedMargin, Situation uncued,
                       double uncuedMargin, double likelihood, boolean over, double second, double third) {
            this(phrase, matched, cued, cuedMargin, uncued, uncuedMargin, likelihood, over, second, third, Double.NaN);
        }

        /** Without a third view. */
        public Reading(boolean phrase, Situation matched, Situation cued, double cuedMargin, Situation uncued,
                       double uncuedMargin, double likelihood, boolean over, double second) {
            this(phrase, matched, cued, cuedMargin, uncued, uncuedMargin, likelihood, over, second, Double.NaN);
        }

        /** Without a second view. */
        public Reading(boolean phrase, Situation matched, Situation cued, double cuedMargin, Situation uncued,
                       double uncuedMargin, double likelihood, boolean over) {
            this(phrase, matched, cued, cuedMargin, uncued, uncuedMargin, likelihood, over, Double.NaN);
        }

        /** Without words that say the danger is over. */
        public Reading(boolean phrase, Situation matched, Situation cued, double cuedMargin, Situation uncued,
                       double uncuedMargin, double likelihood) {
            this(phrase, matched, cued, cuedMargin, uncued, uncuedMargin, likelihood, false);
        }

        /**
         * The situation the 999 line comes first for, with these margins: a matched one, or the closest by meaning
         * ({@code withoutCue} taken from a situation without its words) when at least {@code danger} closer than calm and
         * the classifier finds the message more likely than {@code likelihood} about danger now. Both must agree:
         * closeness finds the most emergencies, the classifier raises the fewest false alarms. Empty for a danger phrase.
         */
        public Optional<Situation> situation(double danger, double likelihood, double withoutCue) {
            if (matched != null) {
                return Optional.of(matched);
            }
            boolean byCue = isCuedClosest(withoutCue);
            Situation best = byCue ? cued : uncued;
            double margin = byCue ? cuedMargin : uncuedMargin - withoutCue;
            return best != null && margin > danger && this.likelihood > likelihood ? Optional.of(best) : Optional.empty();
        }

        /** True when the 999 line comes first with these margins. */
        public boolean applies(double danger, double likelihood, double withoutCue) {
            return phrase || situation(danger, likelihood, withoutCue).isPresent();
        }

        /**
         * The situation the 999 line comes first for with the model's margins: by its {@code danger-weights} where it
         * has them (a matched situation, or the closest by meaning when the weighted readings are above 0), else by
         * {@link #situation(double, double, double)}. Empty for a danger phrase.
         */
        public Optional<Situation> situation(MeaningMargins margins) {
            if (margins.dangerWeights() == null) {
                return situation(margins.danger(), margins.dangerLikelihood(), margins.withoutCue());
            }
            return situation(margins.dangerWeights(), margins.withoutCue());
        }

        /**
         * The situation the 999 line comes first for with {@code weights}; see {@link #situation(MeaningMargins)}. A
         * message close to no situation never gets it by meaning.
         */
        public Optional<Situation> situation(MeaningMargins.DangerWeights weights, double withoutCue) {
            if (matched != null) {
                return Optional.of(matched);
            }
            Situation best = closest(withoutCue);
            return best != null && weights.score(features(withoutCue)) > 0 ? Optional.of(best) : Optional.empty();
        }

        /** True when the 999 line comes first with {@code weights}. */
        public boolean applies(MeaningMargins.DangerWeights weights, double withoutCue) {
            return phrase || situation(weights, withoutCue).isPresent();
        }

        /**
         * The reading as {@code danger-weights} weighs it: the closest situation's margin over the calm phrasings in
         * hundredths ({@code withoutCue} taken from a situation without its words; 0 when there is none), the log-odds
         * of the classifier's likelihood, 1 when a situation has the words it needs, 1 when the closest is one without
         * them and the message has the words that say its danger is over, the log-odds of the second and third views'
         * likelihoods (each 0 without its view), and the wording's log-odds (0 without it).
         */
        public double[] features(double withoutCue) {
            double margin = closest(withoutCue) == null ? 0 : isCuedClosest(withoutCue) ? cuedMargin : uncuedMargin - withoutCue;
            boolean overForClosest = over && closest(withoutCue) != null && !isCuedClosest(withoutCue);
            return new double[] {margin * 100, logOdds(likelihood), cued != null ? 1 : 0, overForClosest ? 1 : 0,
                    Double.isNaN(second) ? 0 : logOdds(second), Double.isNaN(third) ? 0 : logOdds(third),
                    Double.isNaN(wording) ? 0 : wording};
        }

        private static double logOdds(double likelihood) {
            double p = Math.min(Math.max(likelihood, 1e-6), 1 - 1e-6);
            return Math.log(p / (1 - p));
        }

        private boolean isCuedClosest(double withoutCue) {
            return cued != null && (uncued == null || cuedMargin >= uncuedMargin - withoutCue);
        }

        /** The situation closest by meaning, as the margins read it; null when none was measured. */
        public Situation closest(double withoutCue) {
            return isCuedClosest(withoutCue) ? cued : uncued;
        }
    }

    /**
     * This check without the example and calm phrasings {@code leftOut} picks, judged by meaning as this one is (for
     * tools that measure it on messages it did not learn from); its phrasings are embedded anew in the background.
     */
    public DangerSignals leavingOut(Predicate<String> leftOut) {
        List<Situation> kept = situations.stream().map(s -> new Situation(s.id(), s.name(), s.needs(), s.unless(),
                Phrasings.of(s.examples().texts().stream().filter(leftOut.negate()).toList()),
                Phrasings.of(s.not().texts().stream().filter(leftOut.negate()).toList()), s.patterns())).toList();
        return new DangerSignals(patterns, kept, cards, cardsNeed, neverQuote, alwaysNeverQuote, cardLines,
                Phrasings.of(calm.texts().stream().filter(leftOut.negate()).toList()), embedder, second, third, margins, () -> { });
    }

    /** The situation's alert; its cards only when {@code text} has the words they need ({@code cards_need}), if any. */
    private Alert alert(Situation s, String text) {
        List<String> never = new ArrayList<>(alwaysNeverQuote);
        neverQuote.getOrDefault(s.id(), List.of()).stream().filter(id -> !never.contains(id)).forEach(never::add);
        Pattern need = cardsNeed.get(s.id());
        boolean bring = need == null || need.matcher(QueryText.clean(text)).find();
        return new Alert(s.name(), bring ? cards.getOrDefault(s.id(), List.of()) : List.of(), never);
    }

    /**
     * Cards the situations name that {@code known} (the ids of the card file) does not declare, and sections they never
     * quote that {@code library} does not have (when given), each with its line.
     */
    public List<String> problems(Collection<String> known, org.sga.content.Library library, String source) {
        List<String> problems = new ArrayList<>();
        for (String section : alwaysNeverQuote) {
            if (library != null && library.section(section).isEmpty()) {
                problems.add(source + ": never_quote names " + section + ", which no loaded procedure has");
            }
        }
        for (Situation s : situations) {
            for (String section : neverQuote.getOrDefault(s.id(), List.of())) {
                if (library != null && library.section(section).isEmpty()) {
                    problems.add(source + ": situation " + s.id() + " never quotes " + section + ", which no loaded procedure has");
                }
            }
            for (String card : cards.getOrDefault(s.id(), List.of())) {
                if (!known.contains(card)) {
                    problems.add(source + ":" + cardLines.get(s.id()) + ": situation " + s.id() + " names card " + card
                            + ", which the card file does not declare");
                }
            }
        }
        return problems;
    }

    /** The situations the content describes. */
    public List<Situation> situations() {
        return situations;
    }

    /** Every phrasing of the file (examples, near misses, calm), for a content check. */
    public int phrasingCount() {
        return calm.texts().size() + situations.stream().mapToInt(s -> s.examples().texts().size() + s.not().texts().size()).sum();
    }

    /** This, once its example phrasings are embedded (from {@code withMeaning} on, on a thread of their own). */
    public DangerSignals prepared() {
        prepared.get();
        return this;
    }
}
