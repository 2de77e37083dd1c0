package org.sga.core.guidance;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sga.content.Library;
import org.sga.core.search.Embedder;
import org.sga.core.search.Phrasings;
import org.sga.core.search.QueryText;
import org.sga.core.yaml.LinedYaml;

/**
 * What the bot knows about sections beyond their text ({@code guidance/sections.yml}): the kinds of concern a section
 * is about, so a question about another kind is not answered from it, and the next thing to do it says; and how to
 * tell the kind of concern a question is about and whether it asks what to do.
 */
public final class SectionGuidance {

    private static final Set<String> KEYS = Set.of("asks_what_to_do", "cues", "own_role", "concerns", "neutral", "sections");
    private static final Set<String> KIND_KEYS = Set.of("id", "name", "needs", "unless", "examples", "not", "patterns");
    private static final Set<String> SECTION_KEYS = Set.of("concerns", "not_for", "next_step");

    private final List<Pattern> asksWhatToDo;
    private final Pattern ownRole;
    private final List<Situation> kinds;
    private final Phrasings neutral;
    private final Map<String, Set<String>> sectionConcerns;
    private final Map<String, Set<String>> notFor;
    private final Map<String, String> nextSteps;
    private final Map<String, Integer> sectionLines;
    private final Embedder embedder;
    private final MeaningMargins margins;
    private final Background<Prepared> prepared;

    /** The kinds and the neutral questions with their vectors. */
    private record Prepared(List<Situation> kinds, Phrasings neutral) {
    }

    private SectionGuidance(List<Pattern> asksWhatToDo, Pattern ownRole, List<Situation> kinds, Phrasings neutral,
                            Map<String, Set<String>> sectionConcerns, Map<String, Set<String>> notFor, Map<String, String> nextSteps,
                            Map<String, Integer> sectionLines, Embedder embedder, MeaningMargins margins, Runnable whenEmbedded) {
        this.asksWhatToDo = List.copyOf(asksWhatToDo);
        this.ownRole = ownRole;
        this.kinds = List.copyOf(kinds);
        this.neutral = neutral;
        this.sectionConcerns = sectionConcerns;
        this.notFor = notFor;
        this.nextSteps = nextSteps;
        this.sectionLines = sectionLines;
        this.embedder = embedder;
        this.margins = margins;
        this.prepared = embedder == null ? Background.ready(new Prepared(this.kinds, neutral))
                : new Background<>("concern-examples", () -> new Prepared(this.kinds.stream().map(k -> k.embedded(embedder)).toList(),
                        neutral.embedded(embedder)), whenEmbedded);
    }

    /** Nothing known about any section: every section answers any question, with no next-step line. */
    public static SectionGuidance empty() {
        return new SectionGuidance(List.of(), null, List.of(), Phrasings.of(List.of()), Map.of(), Map.of(), Map.of(), Map.of(), null, null,
                null);
    }

    /** Reads the file; an unknown kind, a broken pattern or example is a problem naming its line. */
    public static SectionGuidance parse(Reader reader, String source) {
        LinedYaml root = LinedYaml.parse(reader, source).allowOnly(KEYS);
        SituationReader read = new SituationReader(root.get("cues"));
        List<Situation> kinds = new ArrayList<>();
        Set<String> kindIds = new LinkedHashSet<>();
        for (LinedYaml kind : root.get("concerns").items()) {
            kind.allowOnly(KIND_KEYS);
            String id = kind.get("id").text();
            if (!kindIds.add(id)) {
                throw kind.get("id").problem("kind of concern '" + id + "' is given twice");
            }
            kinds.add(read.situation(kind, id, kind.get("name").text()));
        }
        Phrasings neutral = read.phrasings(root.get("neutral"), false);
        Map<String, Set<String>> concerns = new HashMap<>();
        Map<String, Set<String>> notFor = new HashMap<>();
        Map<String, String> steps = new HashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<String, LinedYaml> e : root.get("sections").entries().entrySet()) {
            String id = e.getKey();
            LinedYaml section = e.getValue().allowOnly(SECTION_KEYS);
            if (!id.matches("[a-z0-9-]+#[0-9.]+")) {
                throw section.problem("'" + id + "' is not a section id like child-abuse-and-ict#4.4");
            }
            lines.put(id, section.line());
            Set<String> ids = kinds(section.get("concerns"), kindIds);
            if (!ids.isEmpty()) {
                concerns.put(id, ids);
            }
            Set<String> never = kinds(section.get("not_for"), kindIds);
            if (!never.isEmpty()) {
                notFor.put(id, never);
            }
            if (section.get("next_step").isPresent()) {
                steps.put(id, section.get("next_step").text());
            }
        }
        Pattern ownRole = root.get("own_role").isPresent() ? SituationReader.pattern(root.get("own_role")) : null;
        return new SectionGuidance(SituationReader.patterns(root.get("asks_what_to_do")), ownRole, kinds, neutral, concerns, notFor,
                steps, lines, null, null, null);
    }

    /** The kinds of concern a list names, each one the file declares. */
    private static Set<String> kinds(LinedYaml list, Set<String> declared) {
        Set<String> ids = new LinkedHashSet<>();
        for (LinedYaml kind : list.items()) {
            if (!declared.contains(kind.text())) {
                throw kind.problem("no kind of concern named '" + kind.text() + "'");
            }
            ids.add(kind.text());
        }
        return Set.copyOf(ids);
    }

    /** Sections the file names that the library does not have, each naming its line. */
    public List<String> problems(Library library, String source) {
        List<String> problems = new ArrayList<>();
        sectionLines.forEach((id, line) -> {
            if (library.section(id).isEmpty()) {
                problems.add(source + ":" + line + ": " + id + " is not a section of any loaded procedure");
            }
        });
        return problems;
    }

    /**
     * Reads the kind of concern by meaning, with {@code embedder}; examples are embedded on a thread of their own, which
     * then runs {@code whenEmbedded}.
     */
    public SectionGuidance withMeaning(Embedder embedder, MeaningMargins margins, Runnable whenEmbedded) {
        return new SectionGuidance(asksWhatToDo, ownRole, kinds, neutral, sectionConcerns, notFor, nextSteps, sectionLines,
                embedder, margins, whenEmbedded);
    }

    /**
     * The kinds of concern a message is about: any whose pattern matches, and, of those with the words they need (a
     * colleague's role, say), the ones about as close to it in meaning as the closest. The writer's own role, when the
     * message opens with it ("swim teacher - there's a man filming"), does not count as those words. Empty when it is
     * about no kind in particular (closer to the neutral questions than to every kind), or without an embedder and a
     * pattern.
     */
    public Set<String> concernsOf(String text) {
        String message = QueryText.clean(text);
        Prepared ready = prepared.get();
        Set<String> about = new LinkedHashSet<>();
        ready.kinds().stream().filter(k -> k.matches(message)).forEach(k -> about.add(k.id()));
        if (embedder == null || ready.kinds().isEmpty() || !QueryText.hasWords(message)) {
            return Set.copyOf(about);
        }
        float[] q = Phrasings.question(embedder, message);
        String words = ownRole == null ? message : ownRole.matcher(message).replaceFirst("");
        Map<String, Double> closeness = new HashMap<>();
        for (Situation kind : ready.kinds()) {
            if (kind.cued(words)) {
                closeness.put(kind.id(), kind.examples().closeness(q, margins.closest()));
            }
        }
        double best = closeness.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
        if (about.isEmpty() && !ready.neutral().texts().isEmpty() && ready.neutral().closeness(q, margins.closest()) > best) {
            return Set.of();
        }
        closeness.forEach((id, c) -> {
            if (c >= best - margins.concernSpread()) {
                about.add(id);
            }
        });
        return Set.copyOf(about);
    }

    /**
     * False when the section is about other kinds of concern only than the ones the question is about, or the question
     * is about a kind the section must never answer (the safeguarding lead as the one the concern is about, for the
     * section that says to discuss it with the safeguarding lead).
     */
    public boolean fits(String sectionId, Set<String> questionConcerns) {
        if (questionConcerns.stream().anyMatch(notFor.getOrDefault(sectionId, Set.of())::contains)) {
            return false;
        }
        Set<String> section = sectionConcerns.get(sectionId);
        return section == null || questionConcerns.isEmpty() || questionConcerns.stream().anyMatch(section::contains);
    }

    /** The next thing to do that the section says, if the content gives one. */
    public Optional<String> nextStep(String sectionId) {
        return Optional.ofNullable(nextSteps.get(sectionId));
    }

    /**
     * How much less close in meaning a section that says what to do may be than one that only describes, and still be
     * quoted instead for a question that asks what to do.
     */
    public double sameCloseness() {
        return margins == null ? MeaningMargins.of(org.sga.core.search.EmbeddingModel.DEFAULT).sameAnswer() : margins.sameAnswer();
    }

    /** True when the message asks what to do. */
    public boolean asksWhatToDo(String text) {
        String message = QueryText.clean(text);
        return asksWhatToDo.stream().anyMatch(p -> p.matcher(message).find());
    }

    /** This, once its example phrasings are embedded (from {@code withMeaning} on, on a thread of their own). */
    public SectionGuidance prepared() {
        prepared.get();
        return this;
    }
}
