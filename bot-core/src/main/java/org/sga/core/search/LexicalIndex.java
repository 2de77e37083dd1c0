package org.sga.core.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
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
 * The lexical half of the search: a Lucene index of the sections, one document per section and one per alternate
 * phrasing, ranked by BM25 over the published text, the chapter heading, the procedure title and the phrasings, with
 * the field's synonyms expanded in the question and misspelt words corrected against the index's own vocabulary; and
 * coverage, the share of the question's information (IDF-weighted words) a section states.
 *
 * <p>A lead-in section (one that only introduces the next, {@link Section#leadsIn}) is found as part of the section it
 * introduces: its words count for that section, it is never ranked on its own, and the pair's text is what it states.
 */
final class LexicalIndex {

    // Field boosts: alternates are written as questions staff ask, so they weigh most; the heading names the topic;
    // the title is shared by every section of a procedure and only separates procedures from one another.
    private static final Map<String, Float> FIELDS = fields();
    // An alternate phrasing is a document of its own, like the "alternate questions" of a FAQ service: a section
    // scores its best-matching phrasing, so a section with many phrasings is neither diluted nor inflated.
    private static final float ALTERNATE_WEIGHT = 1.2f;
    // A word matched only through a spelling correction counts for less than one the question spells as the content.
    private static final float CORRECTED_WEIGHT = 0.8f;

    private final List<Section> sections;
    private final IndexSearcher searcher;
    private final Analyzer plain;
    private final Analyzer withSynonyms;
    private final List<Set<String>> termsBySection;
    private final Map<String, Integer> docFreq;
    private final int[] ordOfDoc;
    private final boolean[] alternateDoc;
    // leadIn[ord] marks a lead-in; leadInOf[ord] is the lead-in before a section (-1 when none); unitText is what the
    // pair states together.
    private final boolean[] leadIn;
    private final int[] leadInOf;
    private final String[] unitText;

    LexicalIndex(Library library, SynonymMap synonyms) throws IOException {
        this.sections = library.sections();
        this.plain = Analyzers.english();
        this.withSynonyms = Analyzers.englishWithSynonyms(synonyms);
        Map<String, String> procedureTitles = new HashMap<>();
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

    // Built as it always was: the order of the query's clauses (a hash map's) decides the order in which BM25 adds
    // their scores up, and so the last bits of each score.
    private static Map<String, Float> fields() {
        Map<String, Float> fields = new HashMap<>(Map.of("text", 1.0f, "heading", 0.6f, "title", 0.2f));
        fields.put("alt", 1.0f);
        return fields;
    }

    List<Section> sections() {
        return sections;
    }

    /** Whether the section only introduces the next: it is found as part of that one, never ranked on its own. */
    boolean isLeadIn(int ord) {
        return leadIn[ord];
    }

    /** The lead-in before a section, or -1 when none. */
    int leadInOf(int ord) {
        return leadInOf[ord];
    }

    /** The question cleaned and cut to length, its distinct words and what each may mean, and the BM25 query. */
    record Query(String text, List<String> words, Map<String, Set<String>> meaning, org.apache.lucene.search.Query lucene,
                 DetailAsked detail) {
    }

    /** The question prepared for searching; null when it has no words to search for. */
    Query prepare(String question) {
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
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            org.apache.lucene.search.Query q = builder.createBooleanQuery(field.getKey(), text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                query.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
            }
            for (Set<String> forms : meaning.values()) {
                for (String form : forms) {
                    if (form.startsWith(Spelling.CORRECTED)) {
                        TermQuery corrected = new TermQuery(new Term(field.getKey(), form.substring(Spelling.CORRECTED.length())));
                        query.add(new BoostQuery(corrected, field.getValue() * CORRECTED_WEIGHT), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        return new Query(text, words, meaning, query.build(), DetailAsked.in(text).orElse(null));
    }

    /** Each section's BM25 score (its body, plus its best-matching alternate phrasing) and the best of them. */
    record Scores(double[] raw, double max) {
        /** Relative to the question's best section: the best is 1, a section its words never reach is 0. */
        double relative(int ord) {
            return max == 0 ? 0 : raw[ord] / max;
        }
    }

    /**
     * BM25 over the top {@code docs} documents: enough to see every section that could reach the top few.
     *
     * @throws IndexSearcher.TooManyClauses for a question too long to search
     */
    Scores scores(Query prepared, int docs) throws IOException {
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
        return new Scores(body, max);
    }

    /**
     * Whether the question asks for a kind of detail (a time limit, a number...) that the section, with its lead-in,
     * does not state.
     */
    boolean detailMissing(Query prepared, int ord) {
        return prepared.detail() != null && !prepared.detail().statedIn(unitText[ord]);
    }

    /** Share of the question's IDF weight that the section covers, directly, through a synonym or a correction. */
    double coverage(Query prepared, int ord) {
        Set<String> sectionTerms = termsBySection.get(ord);
        double total = 0;
        double covered = 0;
        for (String word : prepared.words()) {
            Set<String> forms = prepared.meaning().get(word);
            double weight = weight(forms);
            total += weight;
            for (String form : forms) {
                String term = form.startsWith(Spelling.CORRECTED) ? form.substring(Spelling.CORRECTED.length()) : form;
                if (sectionTerms.contains(term)) {
                    covered += form.startsWith(Spelling.CORRECTED) ? weight * CORRECTED_WEIGHT : weight;
                    break;
                }
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    /** IDF of the word's best-known form; a word the content never uses weighs most, since it is what we can't answer. */
    private double weight(Set<String> forms) {
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
