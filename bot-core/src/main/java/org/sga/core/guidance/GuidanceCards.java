package org.sga.core.guidance;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sga.content.Library;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;
import org.sga.core.search.QueryText;
import org.sga.core.search.SharedPhrasings;
import org.sga.core.yaml.LinedYaml;
import org.sga.core.yaml.SplitDocument;

/**
 * The guidance cards of {@code guidance/cards.yml} and when each applies: a pattern of the card matches, or a classifier
 * learned from the file ({@link SituationClassifier}: the card's examples against the messages that carry no card, its near
 * misses, the other cards' examples and the procedure's ordinary questions) finds the message likely about the card and
 * the message has the words the card needs (very likely: even without them), or the message is much closer to the
 * labelled messages that need the card than to those that do not. The file declares the card ids, so a new card is
 * content, not code.
 */
public final class GuidanceCards {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> KEYS = Set.of("cues", "cards", "none", "files", "labelled", "asks_meaning");
    private static final Set<String> LABELLED_KEYS = Set.of("message", "cards", "may_show", "never_quote");
    private static final Set<String> CARD_KEYS = Set.of("id", "title", "first", "text", "never", "procedure", "national",
            "never_quote", "reviewed_by", "reviewed_on", "examples", "not", "needs", "patterns");
    private static final Set<String> NATIONAL_KEYS = Set.of("source", "title", "year");

    private final List<Entry> entries;
    private final Phrasings none;
    private final String forFiles;
    private final Pattern asksMeaning;
    private final Embedder embedder;
    /** The second view's model (null: none): a second network, learned over its embeddings, reads the message whole. */
    private final Embedder second;
    /** The third view's model (null: none), read as the second's. */
    private final Embedder third;
    private final MeaningMargins margins;
    private final Background<Prepared> prepared;
    private final NeverQuotes neverQuotes;
    /** False once the labelled staff messages are let go: the cards can no longer learn from them again. */
    private final boolean learnable;

    /**
     * A card, how it is recognised, and where the file declares it. {@code labelled} holds the labelled staff messages
     * that need the card and those that may not show it; they teach the classifier only (they are not the card's
     * examples, which the danger check also reads as calm).
     */
    private record Entry(GuidanceCard card, Situation situation, Phrasings negatives, Phrasings questions,
                         Map<String, Integer> lines, Labelled labelled, SituationClassifier classifier) {
        Entry(GuidanceCard card, Situation situation, Phrasings negatives, Phrasings questions, Map<String, Integer> lines,
              Labelled labelled) {
            this(card, situation, negatives, questions, lines, labelled, null);
        }

        /** The entry without its labelled messages' texts, once they are learned from. */
        Entry learnedFrom() {
            return new Entry(card, situation, negatives, questions, lines, labelled.learnedFrom(), classifier);
        }

        /**
         * The entry with its phrasings embedded and its classifier trained on them, and the phrasings it learned from
         * on each side; a card without examples, or with nothing to tell them from, has no classifier and is
         * recognised by its patterns only.
         */
        Learned learned(Embedder embedder) {
            Situation embedded = situation.embedded(embedder);
            if (embedded.examples().texts().isEmpty() || negatives.texts().isEmpty() && questions.texts().isEmpty()) {
                return new Learned(new Entry(card, embedded, negatives, questions, lines, labelled.learnedFrom(), null), List.of(),
                        List.of());
            }
            List<String> about = new ArrayList<>(situation.examples().texts());
            about.addAll(labelled.about());
            Phrasings examples = labelled.about().isEmpty() ? embedded.examples() : Phrasings.of(about).embedded(embedder);
            List<Phrasings> notAbout = new ArrayList<>(List.of(negatives.embedded(embedder), questions.embedded(embedder)));
            if (!labelled.notAbout().isEmpty()) {
                notAbout.add(Phrasings.of(labelled.notAbout()).embedded(embedder));
            }
            return new Learned(new Entry(card, embedded, negatives, questions, lines, labelled.learnedFrom(),
                    SituationClassifier.learned(embedder, examples, notAbout)), List.of(examples), notAbout);
        }
    }

    /** An entry once learned, with the embedded phrasings that are about its card and those that are not. */
    private record Learned(Entry entry, List<Phrasings> about, List<Phrasings> notAbout) {
    }

    /**
     * The entries once learned, and their phrasings on both sides: set {@code 2i} is what entry {@code i} is about,
     * {@code 2i + 1} what it is not.
     */
    private record Prepared(List<Entry> entries, SharedPhrasings sides, int[] labelled, CardNetwork network,
                            CardNetwork secondNetwork, CardNetwork thirdNetwork, Wording wording) {
        /**
         * {@code labelled}: every labelled staff message embedded, in the file's order, for the sections they never
         * quote; held as one more set after the cards' sides (most are already among them), so that one comparison
         * serves both. Empty: not read. {@code network}: null without labelled messages; {@code secondNetwork} the same
         * over the second view's embeddings, null without them or without a second view; {@code thirdNetwork} the same
         * over the third view's; {@code wording}: learned from the same labelled messages' words, null without them.
         */
        static Prepared of(List<Learned> learned, Phrasings labelled, CardNetwork network, CardNetwork secondNetwork,
                           CardNetwork thirdNetwork, Wording wording) {
            List<List<Phrasings>> sides = new ArrayList<>();
            for (Learned l : learned) {
                sides.add(l.about());
                sides.add(l.notAbout());
            }
            sides.add(List.of(labelled));
            SharedPhrasings shared = SharedPhrasings.of(sides);
            return new Prepared(learned.stream().map(Learned::entry).toList(), shared, shared.members(sides.size() - 1), network,
                    secondNetwork, thirdNetwork, wording);
        }
    }

    /**
     * Every labelled staff message, each as search reads it, with the sections its safeguarding leads said would read
     * as the wrong advice quoted as its answer ({@code never_quote}; most name none), and the line where the file
     * first names each section.
     */
    private record NeverQuotes(List<String> messages, List<List<String>> sections, Map<String, Integer> lines) {
        static final NeverQuotes NONE = new NeverQuotes(List.of(), List.of(), Map.of());

        NeverQuotes leavingOut(java.util.function.Predicate<String> leftOut) {
            List<String> kept = new ArrayList<>();
            List<List<String>> keptSections = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (!leftOut.test(messages.get(i))) {
                    kept.add(messages.get(i));
                    keptSections.add(sections.get(i));
                }
            }
            return new NeverQuotes(kept, keptSections, lines);
        }

        /** The sections each message never quotes, in the same order, without the messages' texts. */
        NeverQuotes learnedFrom() {
            return new NeverQuotes(List.of(), sections, lines);
        }

        boolean any() {
            return !lines.isEmpty();
        }
    }

    /**
     * The labelled staff messages as one card learns from them: those that need it ({@code about}) and those that
     * neither need it nor may show it ({@code notAbout}), each as search reads a message; {@code needed}: whether any
     * message needs the card, kept when the texts are let go.
     */
    private record Labelled(List<String> about, List<String> notAbout, boolean needed) {
        static final Labelled NONE = new Labelled(List.of(), List.of());

        Labelled {
            about = List.copyOf(about);
            notAbout = List.copyOf(notAbout);
        }

        Labelled(List<String> about, List<String> notAbout) {
            this(about, notAbout, !about.isEmpty());
        }

        /** The same labels without their messages: they are most of the card file's text, and learned from once. */
        Labelled learnedFrom() {
            return new Labelled(List.of(), List.of(), needed);
        }
    }

    /**
     * Cards as read ({@code embedder} null) keep their labelled staff messages, to learn from by meaning or to leave
     * some out; cards by meaning keep them only until they have learned from them.
     */
    private GuidanceCards(List<Entry> entries, NeverQuotes neverQuotes, Phrasings none, String forFiles, Pattern asksMeaning,
                          Embedder embedder, Embedder second, Embedder third, MeaningMargins margins, Runnable whenEmbedded) {
        this(entries, neverQuotes, none, forFiles, asksMeaning, embedder, second, third, margins, whenEmbedded, embedder == null);
    }

    private GuidanceCards(List<Entry> entries, NeverQuotes neverQuotes, Phrasings none, String forFiles, Pattern asksMeaning,
                          Embedder embedder, Embedder second, Embedder third, MeaningMargins margins, Runnable whenEmbedded,
                          boolean learnable) {
        List<Entry> read = List.copyOf(entries);
        this.entries = learnable ? read : read.stream().map(Entry::learnedFrom).toList();
        this.neverQuotes = learnable ? neverQuotes : neverQuotes.learnedFrom();
        this.learnable = learnable;
        this.none = none;
        this.forFiles = forFiles;
        this.asksMeaning = asksMeaning;
        this.embedder = embedder;
        this.second = embedder == null ? null : second;
        this.third = embedder == null ? null : third;
        this.margins = margins;
        boolean quotesByMeaning = margins != null && margins.neverQuoted().on() && neverQuotes.any();
        this.prepared = embedder == null
                ? Background.ready(new Prepared(this.entries, SharedPhrasings.of(List.of()), new int[0], null, null, null, null))
                : new Background<>("guidance-card-examples",
                        () -> {
                            Labels labels = Labels.of(read);
                            List<CardNetwork> networks = networks(labels, embedder, this.second, this.third);
                            return Prepared.of(read.parallelStream().map(e -> e.learned(embedder)).toList(),
                                    Phrasings.of(quotesByMeaning ? neverQuotes.messages() : List.of()).embedded(embedder),
                                    networks.get(0), networks.get(1), networks.get(2),
                                    labels == null ? null : Wording.learned(embedder, labels.messages(), labels.rows()));
                        },
                        whenEmbedded);
    }

    /**
     * The networks of each view ({@code embedders}: the first, second and third, null for a view not read), learned at
     * the same time: each learns on one core, and a new card file learns all three; none without labelled messages.
     */
    private static List<CardNetwork> networks(Labels labels, Embedder... embedders) {
        return java.util.Arrays.stream(embedders).parallel().map(view -> view == null || labels == null ? null
                : CardNetwork.learned(view, labels.messages(), labels.rows(),
                        () -> Phrasings.of(labels.messages()).embedded(view).vectors())).toList();
    }

    /**
     * Every labelled staff message, in the file's order, with its label for each card ({@code rows[m][card]}: about it,
     * not about it, or not counted: it may show the card): what the networks and the wording learn from.
     */
    private record Labels(List<String> messages, byte[][] rows) {
        /** The labels of the entries' labelled messages; null when the file labels no message. */
        static Labels of(List<Entry> entries) {
            Map<String, byte[]> labels = new java.util.LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Labelled labelled = entries.get(i).labelled();
                for (String text : labelled.about()) {
                    row(labels, text, entries.size())[i] = CardNetwork.ABOUT;
                }
                for (String text : labelled.notAbout()) {
                    row(labels, text, entries.size())[i] = CardNetwork.NOT_ABOUT;
                }
            }
            return labels.isEmpty() ? null : new Labels(List.copyOf(labels.keySet()), labels.values().toArray(byte[][]::new));
        }
    }

    private static byte[] row(Map<String, byte[]> labels, String text, int cards) {
        return labels.computeIfAbsent(text, t -> {
            byte[] row = new byte[cards];
            java.util.Arrays.fill(row, CardNetwork.NOT_COUNTED);
            return row;
        });
    }

    /** No cards at all. */
    public static GuidanceCards empty() {
        return new GuidanceCards(List.of(), NeverQuotes.NONE, Phrasings.of(List.of()), null, null, null, null, null, null, null);
    }

    /**
     * Reads the card file; a duplicate id, a missing field or source, a date that is not one, a broken example or
     * pattern is a problem naming its line. Until {@link #withMeaning} only patterns recognise a card.
     */
    public static GuidanceCards parse(Reader reader, String source) {
        // The labelled staff messages are read one at a time: the file is thousands of them.
        SplitDocument document = SplitDocument.parse(reader, source, "labelled");
        LinedYaml root = document.root().allowOnly(KEYS);
        SituationReader read = new SituationReader(root.get("cues"));
        Phrasings none = read.phrasings(root.get("none"), false);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (LinedYaml node : root.get("cards").items()) {
            node.allowOnly(CARD_KEYS);
            LinedYaml idNode = node.get("id");
            String id = idNode.text();
            if (!ID.matcher(id).matches()) {
                throw idNode.problem("card id '" + id + "' must be upper-case letters, digits and '_'");
            }
            Integer earlier = ids.putIfAbsent(id, idNode.line());
            if (earlier != null) {
                throw idNode.problem("card id '" + id + "' is already declared at line " + earlier);
            }
            List<GuidanceCard.NationalGuidance> national = new ArrayList<>();
            for (LinedYaml n : node.get("national").items()) {
                n.allowOnly(NATIONAL_KEYS);
                String year = n.get("year").text();
                if (!year.matches("(19|20)\\d\\d")) {
                    throw n.get("year").problem("year '" + year + "' is not a year like 2024");
                }
                national.add(new GuidanceCard.NationalGuidance(n.get("source").text(), n.get("title").text(), year));
            }
            List<String> procedure = sectionIds(node.get("procedure"), true);
            String reviewedBy = node.get("reviewed_by").textOrEmpty();
            String reviewedOn = node.get("reviewed_on").textOrEmpty();
            if (!node.get("reviewed_by").isPresent() || !node.get("reviewed_on").isPresent()) {
                throw node.problem("needs reviewed_by and reviewed_on (leave both \"\" until the card is reviewed)");
            }
            if (reviewedBy.isEmpty() != reviewedOn.isEmpty()) {
                throw node.get(reviewedBy.isEmpty() ? "reviewed_by" : "reviewed_on").problem("give both reviewed_by and reviewed_on, or neither");
            }
            if (!reviewedOn.isEmpty()) {
                try {
                    LocalDate.parse(reviewedOn);
                } catch (DateTimeParseException e) {
                    throw node.get("reviewed_on").problem("'" + reviewedOn + "' is not a date like 2026-12-01");
                }
            }
            GuidanceCard card = new GuidanceCard(id, node.get("title").text(), node.get("first").text(), node.get("text").text(),
                    node.get("never").text(), procedure, national, sectionIds(node.get("never_quote"), false), reviewedBy, reviewedOn);
            Situation situation = read.situation(node, id, card.title());
            List<String> negatives = new ArrayList<>(none.texts());
            negatives.addAll(situation.not().texts());
            Map<String, Integer> lines = new HashMap<>();
            lines.put("id", idNode.line());
            lines.put("procedure", node.get("procedure").line());
            lines.put("never_quote", node.get("never_quote").line());
            entries.add(new Entry(card, situation, Phrasings.of(negatives), Phrasings.of(List.of()), lines, Labelled.NONE));
        }
        if (entries.isEmpty()) {
            throw root.get("cards").problem("declares no cards");
        }
        entries = againstOtherCards(entries);
        List<NeverQuotes> neverQuotes = new ArrayList<>(1);
        entries = withLabelled(entries, read, document.items(), ids.keySet(), neverQuotes);
        String forFiles = null;
        if (root.get("files").isPresent()) {
            forFiles = root.get("files").text();
            if (!ids.containsKey(forFiles)) {
                throw root.get("files").problem("names card '" + forFiles + "', which the file does not declare");
            }
        }
        Pattern asksMeaning = root.get("asks_meaning").isPresent() ? SituationReader.pattern(root.get("asks_meaning")) : null;
        return new GuidanceCards(entries, neverQuotes.getFirst(), none, forFiles, asksMeaning, null, null, null, null, null);
    }

    /**
     * A card's counter-examples also hold the other cards' examples that it does not share, so its classifier learns
     * what tells the card apart from messages about other situations written the same way (a long story is close to
     * every long story).
     */
    private static List<Entry> againstOtherCards(List<Entry> entries) {
        List<Entry> sharpened = new ArrayList<>();
        for (Entry e : entries) {
            Set<String> own = new java.util.HashSet<>(e.situation().examples().texts());
            Set<String> negatives = new java.util.LinkedHashSet<>(e.negatives().texts());
            for (Entry other : entries) {
                if (other != e) {
                    other.situation().examples().texts().stream().filter(t -> !own.contains(t)).forEach(negatives::add);
                }
            }
            sharpened.add(new Entry(e.card(), e.situation(), Phrasings.of(List.copyOf(negatives)), e.questions(), e.lines(),
                    e.labelled()));
        }
        return sharpened;
    }

    /**
     * Reads {@code labelled:}, staff messages each with the cards it needs ({@code cards}, may be empty) and those it
     * may also show ({@code may_show}): a message teaches each card it needs, and counts against each card it neither
     * needs nor may show. {@code never_quote} names the sections that would read as the wrong advice quoted as its
     * answer; they go to {@code neverQuotes}. A message given twice in the file, or a card the file does not declare,
     * is a problem naming its line.
     */
    private static List<Entry> withLabelled(List<Entry> entries, SituationReader read, Iterable<LinedYaml> items, Set<String> declared,
                                            List<NeverQuotes> neverQuotes) {
        Map<String, List<String>> about = new HashMap<>();
        Map<String, List<String>> notAbout = new HashMap<>();
        List<String> messages = new ArrayList<>();
        List<List<String>> sections = new ArrayList<>();
        // Most messages name the same few sections: one list for each distinct choice.
        Map<List<String>, List<String>> distinct = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (LinedYaml item : items) {
            item.allowOnly(LABELLED_KEYS);
            String message = QueryText.searched(read.phrasing(item.get("message")));
            if (!item.get("cards").isPresent()) {
                throw item.problem("needs cards: the cards the message needs ([] for none)");
            }
            Set<String> needed = labelledIds(item.get("cards"), declared);
            Set<String> mayShow = labelledIds(item.get("may_show"), declared);
            for (String id : needed) {
                if (mayShow.contains(id)) {
                    throw item.get("may_show").problem("card " + id + " is under both cards and may_show");
                }
            }
            List<String> never = sectionIds(item.get("never_quote"), false);
            for (LinedYaml section : item.get("never_quote").items()) {
                lines.putIfAbsent(section.text(), section.line());
            }
            messages.add(message);
            sections.add(distinct.computeIfAbsent(List.copyOf(never), k -> k));
            for (String id : declared) {
                if (needed.contains(id)) {
                    about.computeIfAbsent(id, k -> new ArrayList<>()).add(message);
                } else if (!mayShow.contains(id)) {
                    notAbout.computeIfAbsent(id, k -> new ArrayList<>()).add(message);
                }
            }
        }
        neverQuotes.add(new NeverQuotes(messages, sections, lines));
        return entries.stream().map(e -> new Entry(e.card(), e.situation(), e.negatives(), e.questions(), e.lines(),
                new Labelled(about.getOrDefault(e.card().id(), List.of()), notAbout.getOrDefault(e.card().id(), List.of()))))
                .toList();
    }

    private static Set<String> labelledIds(LinedYaml list, Set<String> declared) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (LinedYaml item : list.items()) {
            if (!declared.contains(item.text())) {
                throw item.problem("names card '" + item.text() + "', which the file does not declare (cards: "
                        + String.join(", ", declared) + ")");
            }
            ids.add(item.text());
        }
        return ids;
    }

    private static List<String> sectionIds(LinedYaml list, boolean required) {
        List<String> ids = list.texts();
        if (required && ids.isEmpty()) {
            throw list.problem("needs at least one procedure section (slug#id)");
        }
        for (LinedYaml item : list.items()) {
            if (!item.text().matches("[a-z0-9-]+#[0-9.]+")) {
                throw item.problem("'" + item.text() + "' is not a section id like child-abuse-and-ict#4.4");
            }
        }
        return ids;
    }

    /** Sections the cards cite or never quote that the library does not have, each naming the card's line. */
    public List<String> problems(Library library, String source) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            for (String id : e.card().procedure()) {
                if (library.section(id).isEmpty()) {
                    problems.add(source + ":" + e.lines().get("procedure") + ": card " + e.card().id() + " cites " + id
                            + ", which no loaded procedure has");
                }
            }
            for (String id : e.card().neverQuote()) {
                if (library.section(id).isEmpty()) {
                    problems.add(source + ":" + e.lines().get("never_quote") + ": card " + e.card().id() + " names " + id
                            + ", which no loaded procedure has");
                }
            }
        }
        neverQuotes.lines().entrySet().stream().filter(e -> library.section(e.getKey()).isEmpty())
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> problems.add(source + ":" + e.getValue() + ": a labelled message names " + e.getKey()
                        + " under never_quote, which no loaded procedure has"));
        return problems;
    }

    /**
     * Recognises cards by meaning too; the examples are embedded on a thread of their own from now on, which then runs
     * {@code whenEmbedded}. The alternate phrasings of the library's sections count against a card too (questions
     * staff ask whose answer is a section), except those of the sections the card cites or never quotes: a question
     * is about the card only when it is closer to the card's examples than to the ordinary questions of the procedure.
     */
    public GuidanceCards withMeaning(Embedder embedder, MeaningMargins margins, Library library, Runnable whenEmbedded) {
        return withMeaning(embedder, null, margins, library, whenEmbedded);
    }

    /**
     * As {@link #withMeaning(Embedder, MeaningMargins, Library, Runnable)}, with {@code second} (null: none) giving the
     * message a second view: the network learned from the labelled staff messages over its embeddings, whose log-odds
     * for a card are the card's ninth reading ({@link CardReading#secondView}).
     */
    public GuidanceCards withMeaning(Embedder embedder, Embedder second, MeaningMargins margins, Library library,
                                     Runnable whenEmbedded) {
        return withMeaning(embedder, second, null, margins, library, whenEmbedded);
    }

    /**
     * As {@link #withMeaning(Embedder, Embedder, MeaningMargins, Library, Runnable)}, with {@code third} (null: none)
     * giving the message a third view, read as the second: the card's tenth reading ({@link CardReading#thirdView}).
     */
    public GuidanceCards withMeaning(Embedder embedder, Embedder second, Embedder third, MeaningMargins margins,
                                     Library library, Runnable whenEmbedded) {
        requireLearnable();
        List<Entry> withQuestions = new ArrayList<>();
        for (Entry e : entries) {
            List<String> questions = new ArrayList<>();
            for (org.sga.content.Section section : library.sections()) {
                if (!e.card().procedure().contains(section.globalId()) && !e.card().neverQuote().contains(section.globalId())) {
                    questions.addAll(section.alternates());
                }
            }
            withQuestions.add(new Entry(e.card(), e.situation(), e.negatives(), Phrasings.of(questions), e.lines(), e.labelled()));
        }
        return new GuidanceCards(withQuestions, neverQuotes, none, forFiles, asksMeaning, embedder, second, third, margins,
                whenEmbedded);
    }

    /**
     * The same cards without the labelled staff messages {@code leftOut} accepts (each as search reads it, see {@link
     * QueryText#searched}), learned anew: to measure the cards on messages they did not learn from.
     */
    public GuidanceCards leavingOut(java.util.function.Predicate<String> leftOut) {
        requireLearnable();
        List<Entry> kept = entries.stream().map(e -> new Entry(e.card(), e.situation(), e.negatives(), e.questions(), e.lines(),
                new Labelled(e.labelled().about().stream().filter(leftOut.negate()).toList(),
                        e.labelled().notAbout().stream().filter(leftOut.negate()).toList()))).toList();
        return new GuidanceCards(kept, neverQuotes.leavingOut(leftOut), none, forFiles, asksMeaning, embedder, second, third, margins,
                () -> { });
    }

    /**
     * These cards as read, without the labelled staff messages' texts: the cards, their phrasings and what the file
     * says of them, for whoever needs no more once the cards by meaning have learned (the danger check reads only the
     * cards' own phrasings). They can no longer learn by meaning nor leave messages out.
     */
    public GuidanceCards withoutLabelledTexts() {
        return learnable ? new GuidanceCards(entries, neverQuotes, none, forFiles, asksMeaning, null, null, null, null, null, false) : this;
    }

    /** Whether these cards still hold their labelled staff messages, to learn from them by meaning or leave some out. */
    public boolean learnable() {
        return learnable;
    }

    private void requireLearnable() {
        if (!learnable()) {
            throw new IllegalStateException("these cards have let their labelled staff messages go once learned from:"
                    + " learn by meaning, or leave messages out, from the cards as read from the file");
        }
    }

    /** The cards that apply to a message, in the order the file declares them. */
    public List<GuidanceCard> applying(String text) {
        return applying(text, List.of());
    }

    /**
     * The cards that apply to a message, and those of {@code also} (ids, e.g. the cards a danger situation brings) that
     * the message has the words for, in the order the file declares them: a threat of suicide tonight is close to a
     * meeting tonight, but without images, sexual talk or a meeting it is not an adult asking a child for them.
     */
    public List<GuidanceCard> applying(String text, java.util.Collection<String> also) {
        return deciding(text, also).shown();
    }

    /**
     * The cards shown for a message (as {@link #applying}) and those meaning would have shown but the nearest labelled
     * messages held back ({@code card-far}): a held-back card is not shown, but the sections it never quotes are still
     * not quoted, since the situation may yet be its own.
     */
    public Deciding deciding(String text, java.util.Collection<String> also) {
        Read read = read(text, also);
        List<CardReading> readings = read.readings();
        int n = readings.size();
        boolean[] applies = new boolean[n];
        double[] strength = new double[n];
        for (int i = 0; i < n; i++) {
            CardReading reading = readings.get(i);
            MeaningMargins.CardMargins m = margins == null ? null : margins.forCard(reading.card().id());
            applies[i] = reading.applies(m);
            strength[i] = strength(reading, m);
        }
        List<GuidanceCard> shown = new ArrayList<>();
        List<GuidanceCard> heldBack = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CardReading reading = readings.get(i);
            MeaningMargins.CardMargins m = margins == null ? null : margins.forCard(reading.card().id());
            if (applies[i] && !besideStronger(i, m, applies, strength)) {
                shown.add(reading.card());
            } else if (applies[i] || reading.heldBack(m)) {
                heldBack.add(reading.card());
            }
        }
        return new Deciding(shown, heldBack, neverQuoted(read.similarity(), read.learned()));
    }

    /**
     * How strongly a card is shown: without bound when a pattern or a danger situation brings it or no weights decide
     * it, else its weighed score (above 0 when shown).
     */
    private static double strength(CardReading reading, MeaningMargins.CardMargins m) {
        if (reading.matched() || reading.brought() || m == null || m.weights() == null) {
            return Double.POSITIVE_INFINITY;
        }
        return m.weights().score(reading.features());
    }

    /**
     * Whether card {@code i}, shown by meaning alone less than its {@code card-beside-stronger} above its threshold,
     * stands beside a card shown more strongly (decision 99): the writers of the safety sets need the weaker one
     * beside a stronger one far less often than they find it spurious, so it is held back.
     */
    private static boolean besideStronger(int i, MeaningMargins.CardMargins m, boolean[] applies, double[] strength) {
        if (m == null || m.besideStronger() <= 0 || !(strength[i] < m.besideStronger())) {
            return false;
        }
        for (int j = 0; j < applies.length; j++) {
            if (j != i && applies[j] && strength[j] > strength[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cards shown for a message, those held back whose never-quoted sections still count, and the sections the
     * labelled staff messages nearest it say would read as the wrong advice ({@code neverQuoted}).
     */
    public record Deciding(List<GuidanceCard> shown, List<GuidanceCard> heldBack, Set<String> neverQuoted) {
        public static final Deciding NONE = new Deciding(List.of(), List.of(), Set.of());

        public Deciding {
            shown = List.copyOf(shown);
            heldBack = List.copyOf(heldBack);
            neverQuoted = Set.copyOf(neverQuoted);
        }
    }

    /** What the cards read in a message, the message whole as a vector (null: not embedded), and what they learned. */
    private record Read(List<CardReading> readings, double[] similarity, Prepared learned) {
    }

    /**
     * The sections that at least {@code never-quote-share} of the {@code never-quote-nearest} labelled staff messages
     * closest to the message whole name under {@code never_quote} (margins.yml): staff asking much the same were
     * judged to be misled by them. None without the margins or a message to compare.
     */
    private Set<String> neverQuoted(double[] similarity, Prepared learned) {
        if (similarity == null || margins == null || !margins.neverQuoted().on() || learned.labelled().length == 0) {
            return Set.of();
        }
        MeaningMargins.NeverQuoted m = margins.neverQuoted();
        int[] members = learned.labelled();
        int k = Math.min(m.nearest(), members.length);
        int[] nearest = new int[k];
        double[] closest = new double[k];
        int held = 0;
        for (int i = 0; i < members.length; i++) {
            double c = similarity[members[i]];
            if (held < k || c > closest[held - 1]) {
                int j = held < k ? held++ : k - 1;
                while (j > 0 && closest[j - 1] < c) {
                    closest[j] = closest[j - 1];
                    nearest[j] = nearest[j - 1];
                    j--;
                }
                closest[j] = c;
                nearest[j] = i;
            }
        }
        Map<String, Integer> named = new HashMap<>();
        for (int i : nearest) {
            neverQuotes.sections().get(i).forEach(id -> named.merge(id, 1, Integer::sum));
        }
        Set<String> out = new java.util.TreeSet<>();
        named.forEach((id, n) -> {
            if (n >= m.share() * k - 1e-9) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * What each card reads in a message, in the order the file declares them, before any margin decides ({@link
     * CardReading#applies}); none when the message only asks what a word means, which gets the definition and nothing
     * else (GUIDANCE.md). A developer tool replays other margins on the same readings.
     */
    public List<CardReading> readings(String text, java.util.Collection<String> also) {
        return read(text, also).readings();
    }

    private Read read(String text, java.util.Collection<String> also) {
        String message = QueryText.clean(text);
        if (asksMeaning != null && asksMeaning.matcher(message).matches()) {
            return new Read(List.of(), null, null);
        }
        Prepared learned = prepared.get();
        List<Entry> ready = learned.entries();
        double[] whole = new double[ready.size()];
        double[] sentence = new double[ready.size()];
        java.util.Arrays.fill(sentence, Double.NEGATIVE_INFINITY);
        // The message whole and each of its sentences: a long message may ask about several things. A sentence alone
        // draws only a card that needs words, and only with them in that sentence: a bare "what do I do?" is close to
        // every card's questions.
        List<String> units = embedder == null || !QueryText.hasWords(message) ? List.of() : Phrasings.units(message);
        float[] wholeVector = null;
        double[] networkSentence = new double[ready.size()];
        java.util.Arrays.fill(networkSentence, Double.NaN);
        double[] nearestSentence = new double[ready.size()];
        java.util.Arrays.fill(nearestSentence, Double.NEGATIVE_INFINITY);
        for (String unit : units) {
            boolean first = unit == units.getFirst();
            float[] q = Phrasings.question(embedder, unit);
            wholeVector = first ? q : wholeVector;
            if (!first) {
                double[] read = networkReading(q, learned);
                double[] near = nearLabelled(compared(q, learned, false), learned);
                for (int i = 0; i < ready.size(); i++) {
                    networkSentence[i] = Double.isNaN(networkSentence[i]) ? read[i] : Math.max(networkSentence[i], read[i]);
                    nearestSentence[i] = Math.max(nearestSentence[i], near[i]);
                }
            }
            for (int i = 0; i < ready.size(); i++) {
                Entry e = ready.get(i);
                double likelihood = e.classifier() == null ? 0 : e.classifier().probability(q);
                if (first) {
                    whole[i] = likelihood;
                } else if (e.situation().needs() != null && e.situation().cued(unit)) {
                    sentence[i] = Math.max(sentence[i], likelihood);
                }
            }
        }
        SharedPhrasings.Compared compared = compared(wholeVector, learned, true);
        double[] nearest = nearLabelled(compared, learned);
        double[] network = networkReading(wholeVector, learned);
        // The second and third views read the message whole, as their networks learned from whole messages.
        double[] secondView = viewReading(second, units.isEmpty() ? null : message, learned.secondNetwork(), ready);
        double[] thirdView = viewReading(third, units.isEmpty() ? null : message, learned.thirdNetwork(), ready);
        double[] wording = wordingReading(units.isEmpty() ? null : message, learned);
        if (units.size() <= 1) {
            // A message of one sentence is its own sentence: read once, not twice.
            nearestSentence = nearest;
            networkSentence = network;
        }
        List<CardReading> readings = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Entry e = ready.get(i);
            boolean cued = e.situation().cued(message);
            readings.add(new CardReading(e.card(), e.situation().matches(message), also.contains(e.card().id()) && cued,
                    cued, whole[i], sentence[i], nearest[i], network[i], networkSentence[i], nearestSentence[i], secondView[i],
                    thirdView[i], wording[i]));
        }
        return new Read(readings, compared == null ? null : compared.similarity(), learned);
    }

    /**
     * For each card, the log-odds the network gives the message whole (or one of its sentences); not a number without a
     * network or a message, or for a card no labelled message needs (the network has nothing to tell it by).
     */
    private static double[] networkReading(float[] whole, Prepared learned) {
        return networkReading(whole, learned.network(), learned.entries());
    }

    /** A view's reading of {@code message} whole (null: none to read) with its model and network (null: no view). */
    private static double[] viewReading(Embedder view, String message, CardNetwork network, List<Entry> ready) {
        return networkReading(view == null || message == null ? null : Phrasings.question(view, message), network, ready);
    }

    /**
     * For each card, the log-odds the wording gives the message (null: none to read); not a number without the wording,
     * or for a card no labelled message needs.
     */
    private static double[] wordingReading(String message, Prepared learned) {
        Wording wording = learned.wording();
        return neededOnly(message == null || wording == null ? null : wording.logOdds(message), learned.entries());
    }

    private static double[] networkReading(float[] whole, CardNetwork network, List<Entry> ready) {
        return neededOnly(whole == null || network == null ? null : network.logOdds(whole), ready);
    }

    /** {@code read} for each card some labelled message needs, not a number for the others (and for all, when null). */
    private static double[] neededOnly(double[] read, List<Entry> ready) {
        double[] out = new double[ready.size()];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; read != null && i < ready.size(); i++) {
            if (ready.get(i).labelled().needed()) {
                out[i] = read[i];
            }
        }
        return out;
    }

    /**
     * For each card, how much closer the message whole (or one sentence) is to the phrasings it learned are about it than to those it
     * learned are not (the mean of the closest few on each side, as the danger check weighs danger against calm);
     * negative infinity for a card without a classifier, or without a message to compare.
     */
    private double[] nearLabelled(SharedPhrasings.Compared compared, Prepared learned) {
        List<Entry> ready = learned.entries();
        double[] difference = new double[ready.size()];
        java.util.Arrays.fill(difference, Double.NEGATIVE_INFINITY);
        if (compared == null) {
            return difference;
        }
        for (int i = 0; i < ready.size(); i++) {
            if (ready.get(i).classifier() != null) {
                difference[i] = compared.closeness()[2 * i] - compared.closeness()[2 * i + 1];
            }
        }
        return difference;
    }

    /**
     * The message whole (or one sentence) compared with each card's sides (those with a classifier) and, when {@code
     * all} and their sections never to quote are read, with every labelled staff message: each distinct phrasing once.
     * Null without a message or margins.
     */
    private SharedPhrasings.Compared compared(float[] whole, Prepared learned, boolean all) {
        if (whole == null || margins == null) {
            return null;
        }
        List<Entry> ready = learned.entries();
        boolean[] wanted = new boolean[2 * ready.size() + 1];
        for (int i = 0; i < ready.size(); i++) {
            wanted[2 * i] = ready.get(i).classifier() != null;
            wanted[2 * i + 1] = wanted[2 * i];
        }
        wanted[2 * ready.size()] = all && learned.labelled().length > 0;
        return learned.sides().compare(whole, margins.closest(), wanted);
    }

    public List<GuidanceCard> cards() {
        return entries.stream().map(Entry::card).toList();
    }

    public Optional<GuidanceCard> card(String id) {
        return cards().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The card shown when someone sends a file or image (the file's {@code files:}), if it names one. */
    public Optional<GuidanceCard> forFiles() {
        return forFiles == null ? Optional.empty() : card(forFiles);
    }

    /**
     * Every example, near miss and no-card phrasing: none describes a child in danger now, so the danger check counts
     * them as calm.
     */
    public List<String> phrasings() {
        List<String> all = new ArrayList<>(none.texts());
        for (Entry e : entries) {
            all.addAll(e.situation().examples().texts());
            all.addAll(e.situation().not().texts());
        }
        return all;
    }

    /** This, once its example phrasings are embedded (from {@code withMeaning} on, on a thread of their own). */
    public GuidanceCards prepared() {
        prepared.get();
        return this;
    }
}
