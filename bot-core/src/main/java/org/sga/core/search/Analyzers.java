package org.sga.core.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English analysis shared by index and query, so that "nudes" in a question meets "nude" in a phrasing.
 * Synonyms apply at query time only: the index stays the published words, and the synonym list can change
 * without re-reading the content.
 */
final class Analyzers {

    /** English stop words plus words every question has ("what", "do") that say nothing about the topic. */
    static final CharArraySet STOP_WORDS = stopWords();

    private Analyzers() {
    }

    /** Index-time and plain query analysis: tokens, possessives, lower case, folding, stop words, Porter stems. */
    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, base(source));
            }
        };
    }

    /** Query-time analysis: {@link #english()} followed by the field's synonym graph. */
    static Analyzer englishWithSynonyms(SynonymMap synonyms) {
        if (synonyms.fst == null) {
            return english();
        }
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new SynonymGraphFilter(base(source), synonyms, true));
            }
        };
    }

    private static TokenStream base(Tokenizer source) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CloseGapsFilter(new StopFilter(stream, STOP_WORDS));
        return new PorterStemFilter(stream);
    }

    static SynonymMap parseSynonyms(Reader solrFormat) {
        try (Analyzer analyzer = english()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(solrFormat);
            return parser.build();
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalArgumentException("synonym list cannot be read: " + e.getMessage(), e);
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String w : new String[] {
            "i", "me", "my", "we", "our", "us", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their",
            "what", "which", "who", "whom", "how", "when", "where", "why", "do", "does", "did", "doing", "done",
            "can", "could", "should", "would", "shall", "will", "must", "may", "might", "am", "has", "have", "had",
            "get", "got", "just", "so", "about", "also", "any", "all", "some", "from", "been", "being", "its",
            "i'm", "im", "i've", "ive", "it's", "don't", "dont", "what's", "whats", "there's", "here", "now", "ok",
            "okay", "please", "hi", "hello", "thanks", "thank", "really", "very", "one", "someone", "something",
            "anything", "tell", "know", "need", "want", "think", "help", "thing", "things", "go", "going",
            "say", "said", "says", "like", "out", "up", "too", "more", "much", "yet", "ever", "still", "our", "over"
        }) {
            set.add(w);
        }
        return CharArraySet.unmodifiableSet(set);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
