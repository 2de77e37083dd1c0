package org.sga.core.guidance;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.yaml.LinedYaml;

/**
 * How close in meaning a message must be to example phrasings, and how likely a learned classifier must find it, per
 * embedding model (similarities of e5 lie in a narrow band high up, MiniLM's spread wide). Content data, in
 * {@code guidance/margins.yml}, which says what each value means and how it was chosen.
 *
 * @param closest          how many of a set's phrasings closest to the message its closeness averages
 * @param danger           a message at least this much closer to a danger situation than to the calm examples gets
 *                         the 999 line
 * @param dangerLikelihood and the danger classifier finds the message (or one of its sentences) more likely than this
 * @param withoutCue       subtracted when the message lacks the words its danger situation needs
 * @param card             a card applies when its classifier finds the message more likely than this about it and the
 *                         message has the words the card needs
 * @param cardWithoutWords or, for the message whole, more likely than this even without those words
 * @param concernSpread    kinds of concern within this of the closest kind are also what the message is about
 * @param sameAnswer       a section that says what to do, no more than this less similar to a question that asks what
 *                         to do than the best-ranked section (which only describes), is quoted instead
 * @param sentence         one sentence of a longer message, read on its own for danger, must be this much further from
 *                         the calm examples than the whole message would have to be
 * @param cards            a card's own likelihoods, by card id, where it needs other than {@code card} and
 *                         {@code cardWithoutWords}
 * @param neverQuoted      when the labelled staff messages nearest a message say a section reads as the wrong advice
 *                         for them, it is not quoted as the answer
 * @param dangerWeights    the danger check's readings weighed together (null: the margins decide)
 * @param cardsSecondModel the model whose embeddings give the cards a second view ({@code cards-second-model}; null:
 *                         none)
 * @param cardsThirdModel  the model whose embeddings give the cards a third view ({@code cards-third-model}; null:
 *                         none)
 */
public record MeaningMargins(int closest, double danger, double dangerLikelihood, double withoutCue, double card,
                            double cardWithoutWords, double concernSpread, double sameAnswer, double sentence,
                            Map<String, CardMargins> cards, NeverQuoted neverQuoted, DangerWeights dangerWeights,
                            EmbeddingModel cardsSecondModel, EmbeddingModel cardsThirdModel) {

    public static final String FILE = "margins.yml";
    private static final Set<String> MODEL_KEYS = Set.of("closest", "danger", "danger-likelihood", "without-cue",
            "sentence", "card", "card-without-words", "concern-spread", "same-answer", "cards", "never-quote-nearest",
            "never-quote-share", "danger-weights", "cards-second-model", "cards-third-model");
    private static final Set<String> CARD_KEYS = Set.of("card", "card-without-words", "card-sentence", "card-nearest", "card-far",
            "card-weights", "card-beside-stronger");

    /**
     * How likely one card's classifier must find a message: with the words the card needs ({@code likely}), without
     * them ({@code withoutWords}), and for one sentence of a longer message, with the words in that sentence
     * ({@code sentence}; above 1, never); or the message whole at least {@code nearest} closer to the labelled messages
     * that need the card than to those that do not, whatever the classifier finds (infinite: never); but never by
     * meaning when the message whole is more than {@code far} closer to those that do not need it than to those that
     * do (infinite: never so). A card its weights show by meaning alone, less than {@code besideStronger} above its
     * threshold, is held back when another card is shown more strongly (0: never; decision 99). {@code line} is where
     * the file gives them (0: the model's own values).
     */
    public record CardMargins(double likely, double withoutWords, double sentence, double nearest, double far,
                              CardWeights weights, double besideStronger, int line) {

        /** Never held back beside a stronger card. */
        public CardMargins(double likely, double withoutWords, double sentence, double nearest, double far,
                           CardWeights weights, int line) {
            this(likely, withoutWords, sentence, nearest, far, weights, 0, line);
        }

        /** Without weights: the card applies by meaning by the likelihoods and closeness above. */
        public CardMargins(double likely, double withoutWords, double sentence, double nearest, double far, int line) {
            this(likely, withoutWords, sentence, nearest, far, null, line);
        }
    }

    /**
     * A card's readings weighed together ({@code card-weights}), learned from the labelled staff messages left out in
     * turn: the card applies by meaning when the weighted sum of its readings ({@link CardReading#features}) and
     * {@code bias} is above 0. Where a card has weights they decide by meaning instead of its likelihoods, card-nearest
     * and card-far, which still keep the sections that read as the opposite advice from being quoted.
     */
    public record CardWeights(double likelihood, double sentence, double nearest, double words, double likelihoodWithWords,
                              double network, double networkSentence, double nearestSentence, double secondView,
                              double thirdView, double wording, double bias) {

        /** The keys of {@code card-weights}, in the order of {@link CardReading#features}, then the bias. */
        public static final List<String> KEYS = List.of("likelihood", "sentence", "nearest", "words",
                "likelihood-with-words", "network", "network-sentence", "nearest-sentence", "second-view", "third-view", "wording",
                "bias");
        /** The keys of {@code card-weights} that may be left out: without one, 0 (that reading is not weighed). */
        public static final Set<String> OPTIONAL = Set.of("second-view", "third-view", "wording");
        /** The optional keys that read a model's embeddings, each with the setting that names the model. */
        static final Map<String, String> MODELS = Map.of("second-view", "cards-second-model", "third-view", "cards-third-model");

        /** Without a second or third view or the wording. */
        public CardWeights(double likelihood, double sentence, double nearest, double words, double likelihoodWithWords,
                           double network, double networkSentence, double nearestSentence, double bias) {
            this(likelihood, sentence, nearest, words, likelihoodWithWords, network, networkSentence, nearestSentence, 0, bias);
        }

        /** Without a third view or the wording. */
        public CardWeights(double likelihood, double sentence, double nearest, double words, double likelihoodWithWords,
                           double network, double networkSentence, double nearestSentence, double secondView, double bias) {
            this(likelihood, sentence, nearest, words, likelihoodWithWords, network, networkSentence, nearestSentence, secondView,
                    0, bias);
        }

        /** Without the wording. */
        public CardWeights(double likelihood, double sentence, double nearest, double words, double likelihoodWithWords,
                           double network, double networkSentence, double nearestSentence, double secondView,
                           double thirdView, double bias) {
            this(likelihood, sentence, nearest, words, likelihoodWithWords, network, networkSentence, nearestSentence, secondView,
                    thirdView, 0, bias);
        }

        /** From weights in the order of {@link #KEYS}. */
        public static CardWeights of(double[] w) {
            if (w.length != KEYS.size()) {
                throw new IllegalArgumentException(KEYS.size() + " weights expected, not " + w.length);
            }
            return new CardWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11]);
        }

        /** The weights in the order of {@link #KEYS}, as {@link #of} takes them. */
        public double[] values() {
            return new double[] {likelihood, sentence, nearest, words, likelihoodWithWords, network, networkSentence, nearestSentence,
                    secondView, thirdView, wording, bias};
        }

        public double score(double[] features) {
            return bias + likelihood * features[0] + sentence * features[1] + nearest * features[2] + words * features[3]
                    + likelihoodWithWords * features[4] + network * features[5] + networkSentence * features[6]
                    + nearestSentence * features[7] + (features.length > 8 ? secondView * features[8] : 0)
                    + (features.length > 9 ? thirdView * features[9] : 0) + (features.length > 10 ? wording * features[10] : 0);
        }
    }

    /**
     * A section is not quoted as the answer to a message when at least {@code share} of the {@code nearest} labelled
     * staff messages closest to it name the section under {@code never_quote} ({@link #OFF}: never so).
     */
    public record NeverQuoted(int nearest, double share) {
        public static final NeverQuoted OFF = new NeverQuoted(0, Double.POSITIVE_INFINITY);

        public boolean on() {
            return nearest > 0 && share <= 1;
        }
    }

    /** As above, without weights for the danger check (its margins decide). */
    public MeaningMargins(int closest, double danger, double dangerLikelihood, double withoutCue, double card,
                          double cardWithoutWords, double concernSpread, double sameAnswer, double sentence,
                          Map<String, CardMargins> cards, NeverQuoted neverQuoted) {
        this(closest, danger, dangerLikelihood, withoutCue, card, cardWithoutWords, concernSpread, sameAnswer, sentence,
                cards, neverQuoted, null);
    }

    /**
     * The danger check's readings weighed together ({@code danger-weights}), learned from the safety sets' messages left
     * out in turn: the 999 line comes first when the weighted sum of the reading's features
     * ({@code DangerSignals.Reading#features}: the closest situation's margin over the calm phrasings in hundredths, as
     * the margins read it with {@code without-cue}; the log-odds of the classifier's likelihood; 1 when a situation has
     * the words it needs; 1 when the closest lacks them and words say its danger is over; the log-odds of the second
     * view's likelihood, over the embeddings of {@code secondModel}; the same for the third view, over
     * {@code thirdModel}'s; the log-odds the phrasings' words give the message's, decision 92) and {@code bias} is above
     * 0, instead of by {@code danger} and {@code danger-likelihood}. A view's model is null when the check has no such
     * view (its weight is then 0).
     */
    public record DangerWeights(double margin, double likelihood, double words, double over, double secondView,
                                double thirdView, double wording, double bias, EmbeddingModel secondModel, EmbeddingModel thirdModel) {

        /** The keys of {@code danger-weights}' numbers, in the order of the reading's features, then the bias. */
        public static final List<String> KEYS = List.of("margin", "likelihood", "words", "over", "second-view", "third-view", "wording",
                "bias");
        /** The keys the file may leave out (0 when it does). */
        public static final Set<String> OPTIONAL = Set.of("third-view", "wording");
        /** The key naming the second view's model ({@link EmbeddingModel#setting}); not given: no second view. */
        public static final String SECOND_MODEL = "second-model";
        /** The key naming the third view's model; not given: no third view. */
        public static final String THIRD_MODEL = "third-model";

        public DangerWeights {
            if (secondModel == null && secondView != 0) {
                throw new IllegalArgumentException("a second-view weight needs a second-model");
            }
            if (thirdModel == null && thirdView != 0) {
                throw new IllegalArgumentException("a third-view weight needs a third-model");
            }
            if (thirdModel != null && thirdModel == secondModel) {
                throw new IllegalArgumentException("the third view needs a model other than the second view's");
            }
        }

        /** Without a third view. */
        public DangerWeights(double margin, double likelihood, double words, double over, double secondView, double bias,
                             EmbeddingModel secondModel) {
            this(margin, likelihood, words, over, secondView, 0, 0, bias, secondModel, null);
        }

        /** From weights in the order of {@link #KEYS}, with the views' models (null: none). */
        public static DangerWeights of(double[] w, EmbeddingModel secondModel, EmbeddingModel thirdModel) {
            if (w.length != KEYS.size()) {
                throw new IllegalArgumentException(KEYS.size() + " weights expected, not " + w.length);
            }
            return new DangerWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], secondModel, thirdModel);
        }

        /** The weights in the order of {@link #KEYS}, as {@link #of} takes them. */
        public double[] values() {
            return new double[] {margin, likelihood, words, over, secondView, thirdView, wording, bias};
        }

        public double score(double[] features) {
            return bias + margin * features[0] + likelihood * features[1] + words * features[2] + over * features[3]
                    + (features.length > 4 ? secondView * features[4] : 0)
                    + (features.length > 5 ? thirdView * features[5] : 0) + (features.length > 6 ? wording * features[6] : 0);
        }
    }

    /** As above, without the nearest labelled messages' sections never to quote. */
    public MeaningMargins(int closest, double danger, double dangerLikelihood, double withoutCue, double card,
                          double cardWithoutWords, double concernSpread, double sameAnswer, double sentence,
                          Map<String, CardMargins> cards) {
        this(closest, danger, dangerLikelihood, withoutCue, card, cardWithoutWords, concernSpread, sameAnswer, sentence,
                cards, NeverQuoted.OFF);
    }

    /** As above, without a second view for the cards. */
    public MeaningMargins(int closest, double danger, double dangerLikelihood, double withoutCue, double card,
                          double cardWithoutWords, double concernSpread, double sameAnswer, double sentence,
                          Map<String, CardMargins> cards, NeverQuoted neverQuoted, DangerWeights dangerWeights) {
        this(closest, danger, dangerLikelihood, withoutCue, card, cardWithoutWords, concernSpread, sameAnswer, sentence,
                cards, neverQuoted, dangerWeights, null, null);
    }

    public MeaningMargins {
        cards = Map.copyOf(cards);
    }

    /** The model the danger check's second view reads with ({@code danger-weights}' {@code second-model}); null: none. */
    public EmbeddingModel dangerSecondModel() {
        return dangerWeights == null ? null : dangerWeights.secondModel();
    }

    /** The model the danger check's third view reads with ({@code danger-weights}' {@code third-model}); null: none. */
    public EmbeddingModel dangerThirdModel() {
        return dangerWeights == null ? null : dangerWeights.thirdModel();
    }

    /** The margins of card {@code id}: its own where the file gives them, else the model's. */
    public CardMargins forCard(String id) {
        CardMargins own = cards.get(id);
        return own != null ? own : new CardMargins(card, cardWithoutWords, card, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
    }

    /** Cards the file gives margins for that {@code declared} (the card file's ids) lacks, each naming its line. */
    public List<String> problems(Collection<String> declared, String source) {
        return cards.entrySet().stream().filter(e -> !declared.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> source + ":" + e.getValue().line() + ": margins for card " + e.getKey()
                        + ", which the card file does not declare (cards: " + String.join(", ", declared) + ")")
                .toList();
    }

    /** The shipped margins for {@code model} ({@code guidance/margins.yml} on the class path). */
    public static MeaningMargins of(EmbeddingModel model) {
        return Shipped.MARGINS.get(model);
    }

    /** Read once, when first asked for. */
    private static final class Shipped {
        static final Map<EmbeddingModel, MeaningMargins> MARGINS = read();

        private static Map<EmbeddingModel, MeaningMargins> read() {
            var in = MeaningMargins.class.getClassLoader().getResourceAsStream("guidance/" + FILE);
            if (in == null) {
                throw new IllegalStateException("classpath:guidance/" + FILE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), FILE);
        }
    }

    /**
     * {@code card-weights}, each of its keys given but {@code second-view}, {@code third-view} and {@code wording}, each 0
     * when left out, the views' other than 0 only with the model they read ({@code models}: the models named, by the setting that names them);
     * null when the card has none.
     */
    private static CardWeights weights(LinedYaml node, Map<String, EmbeddingModel> models) {
        if (!node.isPresent()) {
            return null;
        }
        List<String> required = CardWeights.KEYS.stream().filter(k -> !CardWeights.OPTIONAL.contains(k)).toList();
        double[] given = weights(node, "card-weights", required,
                CardWeights.KEYS.stream().filter(CardWeights.OPTIONAL::contains).toArray(String[]::new));
        double[] w = new double[CardWeights.KEYS.size()];
        for (int i = 0, j = 0; i < w.length; i++) {
            String key = CardWeights.KEYS.get(i);
            if (!CardWeights.OPTIONAL.contains(key)) {
                w[i] = given[j++];
                continue;
            }
            LinedYaml view = node.get(key);
            w[i] = view.isPresent() ? view.number(-1000, 1000) : 0;
            String model = CardWeights.MODELS.get(key);
            if (w[i] != 0 && model != null && models.get(model) == null) {
                throw view.problem("a " + key + " weight other than 0 needs " + model + ", the model whose embeddings it reads");
            }
        }
        return CardWeights.of(w);
    }

    /** The model {@code node} names ({@link EmbeddingModel#setting}); null when not given. */
    /**
     * {@code card-beside-stronger}: how far above its threshold a card shown by meaning alone must be to stay shown beside
     * a card shown more strongly (0 to 10; not given: 0, it always stays). Only a card with {@code card-weights} has a
     * threshold to be above.
     */
    private static double besideStronger(LinedYaml card) {
        LinedYaml beside = card.get("card-beside-stronger");
        if (!beside.isPresent()) {
            return 0;
        }
        double value = beside.number(0, 10);
        if (value > 0 && !card.get("card-weights").isPresent()) {
            throw beside.problem("needs card-weights: only a weighed card has a threshold to be above");
        }
        return value;
    }

    private static EmbeddingModel model(LinedYaml node) {
        if (!node.isPresent()) {
            return null;
        }
        try {
            return EmbeddingModel.named(node.text());
        } catch (IllegalArgumentException unknown) {
            throw node.problem(unknown.getMessage());
        }
    }

    /** Weights under {@code name}: every one of {@code keys} given, and no other (but {@code also}). */
    private static double[] weights(LinedYaml node, String name, List<String> keys, String... also) {
        Set<String> allowed = new java.util.HashSet<>(keys);
        allowed.addAll(List.of(also));
        node.allowOnly(allowed);
        double[] w = new double[keys.size()];
        for (int i = 0; i < w.length; i++) {
            LinedYaml value = node.get(keys.get(i));
            if (!value.isPresent()) {
                throw node.problem(name + " needs " + String.join(", ", keys) + "; " + keys.get(i) + " is missing");
            }
            w[i] = value.number(-1000, 1000);
        }
        return w;
    }

    /**
     * {@code danger-weights}, each of its numbers given but {@code third-view} and {@code wording} (0 when left out), with the views' models
     * if named (null when not given).
     */
    private static DangerWeights dangerWeights(LinedYaml node) {
        if (!node.isPresent()) {
            return null;
        }
        List<String> required = DangerWeights.KEYS.stream().filter(k -> !DangerWeights.OPTIONAL.contains(k)).toList();
        List<String> also = new java.util.ArrayList<>(List.of(DangerWeights.SECOND_MODEL, DangerWeights.THIRD_MODEL));
        also.addAll(DangerWeights.OPTIONAL);
        double[] given = weights(node, "danger-weights", required, also.toArray(String[]::new));
        EmbeddingModel second = model(node.get(DangerWeights.SECOND_MODEL));
        EmbeddingModel third = model(node.get(DangerWeights.THIRD_MODEL));
        double[] w = new double[DangerWeights.KEYS.size()];
        for (int i = 0, j = 0; i < w.length; i++) {
            String key = DangerWeights.KEYS.get(i);
            LinedYaml value = node.get(key);
            w[i] = DangerWeights.OPTIONAL.contains(key) ? value.isPresent() ? value.number(-1000, 1000) : 0 : given[j++];
        }
        if (second == null && w[4] != 0) {
            throw node.get("second-view").problem("a second-view weight other than 0 needs " + DangerWeights.SECOND_MODEL
                    + ", the model whose embeddings it reads");
        }
        if (third == null && w[5] != 0) {
            throw node.get("third-view").problem("a third-view weight other than 0 needs " + DangerWeights.THIRD_MODEL
                    + ", the model whose embeddings it reads");
        }
        if (third != null && third == second) {
            throw node.get(DangerWeights.THIRD_MODEL).problem(DangerWeights.THIRD_MODEL + " must name a model other than "
                    + DangerWeights.SECOND_MODEL + "'s");
        }
        return DangerWeights.of(w, second, third);
    }

    /**
     * Reads {@code models: {MODEL: {closest, danger, ...}}}; every model the bot can use must be given. A bad value is a
     * problem naming {@code source}, the line and the key.
     */
    public static Map<EmbeddingModel, MeaningMargins> parse(Reader reader, String source) {
        LinedYaml root = LinedYaml.parse(reader, source).allowOnly(Set.of("models"));
        Map<EmbeddingModel, MeaningMargins> models = EmbeddingModel.perModel(root.get("models"), "margins", node -> {
            LinedYaml m = node.allowOnly(MODEL_KEYS);
            LinedYaml closest = m.get("closest");
            double k = closest.number(1, 50);
            if (k != Math.rint(k)) {
                throw closest.problem(closest.text() + " is not a whole number");
            }
            double card = m.get("card").number(0, 1);
            double withoutWords = m.get("card-without-words").number(0, 1);
            EmbeddingModel cardsSecond = model(m.get("cards-second-model"));
            EmbeddingModel cardsThird = model(m.get("cards-third-model"));
            Map<String, EmbeddingModel> views = new java.util.HashMap<>();
            views.put("cards-second-model", cardsSecond);
            views.put("cards-third-model", cardsThird);
            Map<String, CardMargins> cards = new LinkedHashMap<>();
            m.get("cards").entries().forEach((id, c) -> {
                c.allowOnly(CARD_KEYS);
                double likely = c.get("card").isPresent() ? c.get("card").number(0, 1) : card;
                cards.put(id, new CardMargins(likely,
                        c.get("card-without-words").isPresent() ? c.get("card-without-words").number(0, 1) : withoutWords,
                        c.get("card-sentence").isPresent() ? c.get("card-sentence").number(0, 1.01) : likely,
                        c.get("card-nearest").isPresent() ? c.get("card-nearest").number(-1, 1) : Double.POSITIVE_INFINITY,
                        c.get("card-far").isPresent() ? c.get("card-far").number(0, 1) : Double.POSITIVE_INFINITY,
                        weights(c.get("card-weights"), views), besideStronger(c), c.line()));
            });
            LinedYaml nearest = m.get("never-quote-nearest");
            LinedYaml share = m.get("never-quote-share");
            if (nearest.isPresent() != share.isPresent()) {
                throw (nearest.isPresent() ? nearest : share).problem("give both never-quote-nearest and never-quote-share, or neither");
            }
            NeverQuoted neverQuoted = NeverQuoted.OFF;
            if (nearest.isPresent()) {
                double n = nearest.number(1, 200);
                if (n != Math.rint(n)) {
                    throw nearest.problem(nearest.text() + " is not a whole number");
                }
                neverQuoted = new NeverQuoted((int) n, share.number(0.01, 1));
            }
            return new MeaningMargins((int) k, m.get("danger").number(-1, 1), m.get("danger-likelihood").number(0, 1),
                    m.get("without-cue").number(0, 1), card, withoutWords, m.get("concern-spread").number(0, 1),
                    m.get("same-answer").number(-1, 1), m.get("sentence").number(0, 1), cards, neverQuoted,
                    dangerWeights(m.get("danger-weights")), cardsSecond, cardsThird);
        });
        return Map.copyOf(models);
    }
}
