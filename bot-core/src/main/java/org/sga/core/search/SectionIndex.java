package org.sga.core.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.sga.content.Library;
import org.sga.content.Section;

/**
 * Lucene index of procedure sections, one document per section, built in memory at start-up and read-only after.
 *
 * <p>Ranking is BM25 over the published text, the chapter heading, the procedure title and the author-written
 * alternate phrasings, with the field's synonyms expanded in the question and misspelt words corrected against the
 * index's own vocabulary. The confidence decision does not use the BM25 score, which is not comparable across
 * questions, but the share of the question's information (IDF-weighted words) that the best section covers.
 */
public final class SectionIndex implements Searcher {

    /** Questions longer than this are searched on their beginning only; the reply says so. */
    public static final int MAX_QUERY_CHARS = 1_000;

    // Field boosts: alternates are written as questions staff ask, so they weigh most; the heading names the topic;
    // the title is shared by every section of a procedure and only separates procedures from one another.
    private static final Map<String, Float> FIELDS = Map.of("text", 1.0f, "heading", 0.6f, "title", 0.2f);
    // An alternate phrasing is a document of its own, like the "alternate questions" of a FAQ service: a section
    // scores its best-matching phrasing, so a section with many phrasings is neither diluted nor inflated.
    private static final float ALTERNATE_WEIGHT = 1.2f;

    private final List<Section> sections;
    private final IndexSearcher searcher;
    private final Analyzer plain;
    private final Analyzer withSynonyms;
    private final List<Set<String>> termsBySection;
    private final Map<String, Integer> docFreq;
    private final Map<String, String> procedureTitles;
    private final Confidence confidence;
    // Weight of the (question-relative) BM25 score beside cosine similarity in the hybrid; per model (HybridWeights).
    private final double lexicalWeight;
    private final Embedder embedder;
    private final float[][] bodyVectors;
    private final float[][][] alternateVectors;
    private final List<NotCovered.Topic> notCoveredTopics;
    private final float[][][] notCoveredVectors;
    // A question at least this close (cosine) to a topic the procedures don't cover, relative to its best section,
    // is declined; per model (HybridWeights), chosen on the tuning sets.
    private final double notCoveredMargin;
    private final int[] ordOfDoc;
    private final boolean[] alternateDoc;
    // A lead-in section (one that only introduces the next, Section#leadsIn) is found as part of the section it
    // introduces: leadIn[ord] marks it, leadInOf[ord] is the lead-in before a section (-1 when none), and unitText
    // is what the pair states together.
    private final boolean[] leadIn;
    private final int[] leadInOf;
    private final String[] unitText;

    private SectionIndex(Library library, SynonymMap synonyms, HybridWeights weights, Embedder embedder, NotCovered notCovered)
            throws IOException {
        this.sections = library.sections();
        this.embedder = embedder;
        this.confidence = weights.confidence();
        this.lexicalWeight = weights.lexicalWeight();
        this.notCoveredMargin = weights.notCoveredMargin();
        this.plain = Analyzers.english();
        this.withSynonyms = Analyzers.englishWithSynonyms(synonyms);
        this.procedureTitles = new HashMap<>();
        library.procedures().forEach(p -> procedureTitles.put(p.slug(), p.title()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        this.termsBySection = new ArrayList<>();
        this.docFreq = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(plain))) {
            for (Section section : sections) {
                Document doc = new Document();
                // Stored so that hits can be mapped back even if document order ever differs from the list.
                doc.add(new StoredField("ord", termsBySection.size()));
                doc.add(new TextField("text", section.text(), Field.Store.NO));
                doc.add(new TextField("heading", section.heading(), Field.Store.NO));
                doc.add(new TextField("title", procedureTitles.get(section.procedureSlug()), Field.Store.NO));
                writer.addDocument(doc);
                for (String alternate : section.alternates()) {
                    Document alt = new Document();
                    alt.add(new StoredField("ord", termsBySection.size()));
                    alt.add(new StoredField("alternate", 1));
                    alt.add(new TextField("alt", alternate, Field.Store.NO));
                    writer.addDocument(alt);
                }
                Set<String> terms = new HashSet<>();
                terms.addAll(terms(plain, section.text()));
                terms.addAll(terms(plain, section.heading()));
                section.alternates().forEach(a -> terms.addAll(terms(plain, a)));
                termsBySection.add(terms);
                terms.forEach(t -> docFreq.merge(t, 1, Integer::sum));
            }
        }
        this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        int n = sections.size();
        this.leadIn = new boolean[n];
        this.leadInOf = new int[n];
        this.unitText = new String[n];
        for (int ord = 0; ord < n; ord++) {
            Section section = sections.get(ord);
            unitText[ord] = section.text();
            leadInOf[ord] = -1;
            if (ord > 0 && leadIn[ord - 1]) {
                leadInOf[ord] = ord - 1;
                unitText[ord] = sections.get(ord - 1).text() + "\n" + section.text();
                termsBySection.get(ord).addAll(termsBySection.get(ord - 1));
            }
            leadIn[ord] = section.leadsIn() && ord + 1 < n && sections.get(ord + 1).procedureSlug().equals(section.procedureSlug());
        }
        if (embedder != null) {
            // Both cores: embedding every section and phrasing is most of the start-up time.
            this.bodyVectors = sections.parallelStream().map(sec -> embedder.embedPassage(sec.heading() + ". " + sec.text())).toArray(float[][]::new);
            this.alternateVectors = sections.parallelStream()
                    .map(sec -> sec.alternates().stream().map(embedder::embedContent).toArray(float[][]::new)).toArray(float[][][]::new);
            this.notCoveredVectors = notCovered.topics().stream()
                    .map(t -> t.phrases().stream().map(embedder::embedContent).toArray(float[][]::new)).toArray(float[][][]::new);
        } else {
            this.bodyVectors = null;
            this.alternateVectors = null;
            this.notCoveredVectors = new float[0][][];
        }
        this.notCoveredTopics = embedder == null ? List.of() : notCovered.topics();
        // Doc ids are only fixed once the reader is open (merges may reorder), so map them to sections here, once.
        int maxDoc = searcher.getIndexReader().maxDoc();
        this.ordOfDoc = new int[maxDoc];
        this.alternateDoc = new boolean[maxDoc];
        for (int id = 0; id < maxDoc; id++) {
            Document doc = searcher.storedFields().document(id);
            ordOfDoc[id] = doc.getField("ord").numericValue().intValue();
            alternateDoc[id] = doc.getField("alternate") != null;
        }
    }

    /** Lexical only: BM25 with synonyms and alternates; the decision rests on coverage. */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat) {
        return build(library, synonymsSolrFormat, null);
    }

    /** Hybrid: BM25 fused with the embedder's similarity, which also carries the confidence decision; MiniLM's weights. */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat, Embedder embedder) {
        return build(library, synonymsSolrFormat, embedder, embedder == null ? Confidence.LEXICAL : Confidence.HYBRID);
    }

    public static SectionIndex build(Library library, Reader synonymsSolrFormat, Embedder embedder, Confidence confidence) {
        return build(library, synonymsSolrFormat, embedder, confidence, NotCovered.none());
    }

    /**
     * Hybrid, with topics the procedures don't cover, so questions about them are declined rather than stretched;
     * MiniLM's weights.
     */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat, Embedder embedder, NotCovered notCovered) {
        return build(library, synonymsSolrFormat, embedder, embedder == null ? Confidence.LEXICAL : Confidence.HYBRID, notCovered);
    }

    /** With MiniLM's weights and the given confidence thresholds. */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat, Embedder embedder, Confidence confidence,
                                     NotCovered notCovered) {
        HybridWeights minilm = HybridWeights.MINILM;
        return build(library, synonymsSolrFormat, embedder,
                new HybridWeights(minilm.lexicalWeight(), minilm.notCoveredMargin(), confidence), notCovered);
    }

    /** Hybrid with the weights chosen for the embedder's model (see {@link EmbeddingModel#weights()}). */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat, Embedder embedder, HybridWeights weights,
                                     NotCovered notCovered) {
        try {
            return new SectionIndex(library, Analyzers.parseSynonyms(synonymsSolrFormat), weights, embedder, notCovered);
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        }
    }

    public int size() {
        return sections.size();
    }

    @Override
    public SearchResult search(String question, int maxHits) {
        Query prepared = prepare(question);
        if (prepared == null) {
            return new SearchResult(question, SearchResult.Decision.NOT_CONFIDENT, 0, List.of());
        }
        try {
            Lexical lexical = lexical(prepared, Math.max(200, maxHits * 20));
            float[] q = embedder == null ? null : embedder.embed(prepared.text());
            // Score every section, but build hits (with their coverage) only for the best few: on a large corpus
            // the per-section work must stay a few arithmetic operations.
            int keep = Math.max(1, maxHits);
            java.util.PriorityQueue<double[]> leaders = new java.util.PriorityQueue<>(keep + 1, Comparator.comparingDouble(a -> a[0]));
            for (int ord = 0; ord < sections.size(); ord++) {
                if (leadIn[ord] || (lexical.raw()[ord] <= 0 && q == null)) {
                    continue;
                }
                double similarity = q == null ? 0 : similarity(q, ord);
                // Similarity is on a fixed scale; BM25 is not, so it enters relative to this question's best.
                double score = q == null ? lexical.raw()[ord] : fused(lexical.relative(ord), similarity, lexicalWeight);
                if (leaders.size() < keep || score > leaders.peek()[0]) {
                    leaders.add(new double[] {score, ord, similarity});
                    if (leaders.size() > keep) {
                        leaders.poll();
                    }
                }
            }
            if (leaders.isEmpty()) {
                return new SearchResult(question, SearchResult.Decision.NOT_CONFIDENT, 0, List.of());
            }
            List<double[]> ranked = new ArrayList<>(leaders);
            ranked.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
            List<Hit> hits = new ArrayList<>();
            for (double[] b : ranked) {
                int ord = (int) b[1];
                hits.add(new Hit(sections.get(ord), b[0], coverage(prepared.words(), prepared.meaning(), termsBySection.get(ord)), b[2]));
            }
            int bestOrd = (int) ranked.get(0)[1];
            Hit best = hits.get(0);
            boolean answered = confidence.accepts(best, prepared.words().size());
            double shown = embedder == null ? best.coverage() : best.similarity();
            String elsewhere = q == null ? null : notCovered(q, best.similarity());
            if (elsewhere != null) {
                answered = false;
            }
            // A question after a time limit, a number, a cost, contact details or a sentence is not answered by a
            // section that states none.
            String missing = null;
            if (answered && prepared.detail() != null && !prepared.detail().statedIn(unitText[bestOrd])) {
                answered = false;
                missing = prepared.detail().what();
            }
            return new SearchResult(question, answered ? SearchResult.Decision.ANSWERED : SearchResult.Decision.NOT_CONFIDENT,
                    shown, hits.subList(0, Math.min(maxHits, hits.size())), elsewhere, missing);
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return new SearchResult(question, SearchResult.Decision.NOT_CONFIDENT, 0, List.of());
        }
    }

    /**
     * Everything the ranking and the decision rest on for one question, for every section, so that other weights can
     * be tried without searching again ({@link Tuning}); null for a question with no words. Needs an embedder.
     */
    Signals signals(String question) {
        if (embedder == null) {
            throw new IllegalStateException("signals need an embedder");
        }
        Query prepared = prepare(question);
        if (prepared == null) {
            return null;
        }
        try {
            Lexical scores = lexical(prepared, 200);
            float[] q = embedder.embed(prepared.text());
            int n = sections.size();
            double[] lexical = new double[n];
            double[] similarity = new double[n];
            double[] coverage = new double[n];
            boolean[] detailMissing = new boolean[n];
            String[] ids = new String[n];
            for (int ord = 0; ord < n; ord++) {
                ids[ord] = sections.get(ord).globalId();
                if (leadIn[ord]) {
                    // Found only as part of the section it introduces: never ranked on its own.
                    similarity[ord] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                lexical[ord] = scores.relative(ord);
                similarity[ord] = similarity(q, ord);
                coverage[ord] = coverage(prepared.words(), prepared.meaning(), termsBySection.get(ord));
                detailMissing[ord] = prepared.detail() != null && !prepared.detail().statedIn(unitText[ord]);
            }
            double notCovered = Double.NEGATIVE_INFINITY;
            for (float[][] topic : notCoveredVectors) {
                notCovered = Math.max(notCovered, closeness(q, topic));
            }
            return new Signals(ids, lexical, similarity, coverage, notCovered, detailMissing, prepared.words().size());
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return null;
        }
    }

    /**
     * One question's signals for every section: BM25 relative to the question's best section (0–1), cosine similarity,
     * coverage; the closest not-covered phrasing's similarity; whether the section lacks the kind of detail the
     * question asks for ({@link DetailAsked}); and the number of distinct words.
     */
    record Signals(String[] ids, double[] lexical, double[] similarity, double[] coverage, double notCovered,
                   boolean[] detailMissing, int words) {
    }

    /** The hybrid's score: cosine similarity plus the weighted BM25 score relative to the question's best section. */
    static double fused(double relativeLexical, double similarity, double lexicalWeight) {
        return similarity + lexicalWeight * relativeLexical;
    }

    /** The question cleaned and cut to length, its distinct words and what each may mean, and the BM25 query. */
    private record Query(String text, List<String> words, Map<String, Set<String>> meaning, org.apache.lucene.search.Query lucene,
                         DetailAsked detail) {
    }

    private Query prepare(String question) {
        String text = QueryText.searched(question);
        List<String> words = new ArrayList<>(new LinkedHashSet<>(terms(plain, text)));
        if (words.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> meaning = new HashMap<>();
        for (String word : words) {
            meaning.put(word, expansions(word));
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(withSynonyms);
        Map<String, Float> fields = new HashMap<>(FIELDS);
        fields.put("alt", 1.0f);
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            org.apache.lucene.search.Query q = builder.createBooleanQuery(field.getKey(), text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                query.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
            }
            for (Set<String> forms : meaning.values()) {
                for (String form : forms) {
                    if (form.startsWith(Spelling.CORRECTED)) {
                        TermQuery corrected = new TermQuery(new Term(field.getKey(), form.substring(Spelling.CORRECTED.length())));
                        query.add(new BoostQuery(corrected, field.getValue() * 0.8f), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        return new Query(text, words, meaning, query.build(), DetailAsked.in(text).orElse(null));
    }

    /** Each section's BM25 score (its body, plus its best-matching alternate phrasing) and the best of them. */
    private record Lexical(double[] raw, double max) {
        /** Relative to the question's best section: the best is 1, a section its words never reach is 0. */
        double relative(int ord) {
            return max == 0 ? 0 : raw[ord] / max;
        }
    }

    /** BM25 over the top {@code docs} documents: enough to see every section that could reach the top few. */
    private Lexical lexical(Query prepared, int docs) throws IOException {
        ScoreDoc[] top = searcher.search(prepared.lucene(), docs).scoreDocs;
        double[] body = new double[sections.size()];
        double[] bestAlternate = new double[sections.size()];
        for (ScoreDoc sd : top) {
            int ord = ordOfDoc[sd.doc];
            if (!alternateDoc[sd.doc]) {
                body[ord] = sd.score;
            } else {
                bestAlternate[ord] = Math.max(bestAlternate[ord], sd.score);
            }
        }
        double max = 0;
        for (int ord = 0; ord < sections.size(); ord++) {
            body[ord] += ALTERNATE_WEIGHT * bestAlternate[ord];
            // A lead-in comes just before the section it introduces, so its score is complete here; it counts only
            // as part of that section.
            int lead = leadInOf[ord];
            if (lead >= 0) {
                body[ord] = Math.max(body[ord], body[lead]);
                body[lead] = 0;
            }
            if (!leadIn[ord]) {
                max = Math.max(max, body[ord]);
            }
        }
        return new Lexical(body, max);
    }

    /**
     * The topic not covered that the question is closer to than to the best section, give or take the margin; null if
     * none.
     */
    private String notCovered(float[] q, double bestSection) {
        String topic = null;
        double closest = bestSection + notCoveredMargin;
        for (int t = 0; t < notCoveredVectors.length; t++) {
            double sim = closeness(q, notCoveredVectors[t]);
            if (sim > closest) {
                closest = sim;
                topic = notCoveredTopics.get(t).name();
            }
        }
        return topic;
    }

    /**
     * How many of a topic's phrasings its closeness to a question averages. One phrasing alone let single chance
     * matches decline questions the procedure answers; two did best of the configurations judged on a set never tuned
     * on (eval/DECISIONS.md, decision 4).
     */
    static final int PHRASINGS_PER_TOPIC = 2;

    /** How close the question is to a topic not covered: the mean similarity of its closest phrasings. */
    static double closeness(float[] q, float[][] phrases) {
        return closeness(q, phrases, PHRASINGS_PER_TOPIC);
    }

    /** The mean similarity of the question's {@code count} closest phrasings. */
    static double closeness(float[] q, float[][] phrases, int count) {
        int k = Math.min(count, phrases.length);
        if (k == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] top = new double[k];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (float[] phrase : phrases) {
            double sim = Vectors.dot(q, phrase);
            if (sim > top[k - 1]) {
                int i = k - 1;
                while (i > 0 && top[i - 1] < sim) {
                    top[i] = top[i - 1];
                    i--;
                }
                top[i] = sim;
            }
        }
        double sum = 0;
        for (double v : top) {
            sum += v;
        }
        return sum / k;
    }

    /** The closest of the section's text and phrasings, and of its lead-in's, to the question. */
    private double similarity(float[] q, int ord) {
        double best = Vectors.dot(q, bodyVectors[ord]);
        for (float[] alternate : alternateVectors[ord]) {
            best = Math.max(best, Vectors.dot(q, alternate));
        }
        return leadInOf[ord] >= 0 ? Math.max(best, similarity(q, leadInOf[ord])) : best;
    }

    /** Share of the question's IDF weight that the section covers, directly, through a synonym or a correction. */
    private double coverage(List<String> words, Map<String, Set<String>> meaning, Set<String> sectionTerms) {
        double total = 0;
        double covered = 0;
        for (String word : words) {
            double weight = weight(word, meaning.get(word));
            total += weight;
            for (String form : meaning.get(word)) {
                String term = form.startsWith(Spelling.CORRECTED) ? form.substring(Spelling.CORRECTED.length()) : form;
                if (sectionTerms.contains(term)) {
                    covered += form.startsWith(Spelling.CORRECTED) ? weight * 0.8 : weight;
                    break;
                }
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /** IDF of the word's best-known form; a word the content never uses weighs most, since it is what we can't answer. */
    private double weight(String word, Set<String> forms) {
        int df = 0;
        for (String form : forms) {
            String term = form.startsWith(Spelling.CORRECTED) ? form.substring(Spelling.CORRECTED.length()) : form;
            df = Math.max(df, docFreq.getOrDefault(term, 0));
        }
        return Math.log(1 + (sections.size() + 0.5) / (df + 0.5));
    }

    /** The word itself, its single-word synonyms, and, when the content never uses it, close spellings that it does. */
    private Set<String> expansions(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        forms.addAll(terms(withSynonyms, word));
        boolean known = forms.stream().anyMatch(docFreq::containsKey);
        if (!known) {
            Spelling.closest(word, docFreq.keySet()).forEach(t -> forms.add(Spelling.CORRECTED + t));
        }
        return forms;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        }
        return out;
    }
}
