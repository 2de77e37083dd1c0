package org.sga.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.sga.content.Library;
import org.sga.content.Section;
import org.sga.core.search.Hit;
import org.sga.core.search.QueryText;
import org.sga.core.search.SearchResult;
import org.sga.core.search.Searcher;

/**
 * Plain BM25 for comparison in {@code eval --baseline}: StandardAnalyzer over heading and text, no synonyms,
 * no alternates, no boosts; it abstains only when nothing matches.
 */
final class BaselineSearch implements Searcher {

    private final List<Section> sections;
    private final IndexSearcher searcher;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    BaselineSearch(Library library) {
        this.sections = library.sections();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < sections.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StoredField("ord", i));
                    doc.add(new TextField("body", sections.get(i).heading() + "\n" + sections.get(i).text(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(String question, int maxHits) {
        Query query = new QueryBuilder(analyzer).createBooleanQuery("body", QueryText.clean(question), BooleanClause.Occur.SHOULD);
        if (query == null) {
            return new SearchResult(question, SearchResult.Decision.NOT_CONFIDENT, 0, List.of());
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query, Math.max(1, maxHits)).scoreDocs) {
                int ord = searcher.storedFields().document(sd.doc).getField("ord").numericValue().intValue();
                hits.add(new Hit(sections.get(ord), sd.score, 1, 0));
            }
            return new SearchResult(question, hits.isEmpty() ? SearchResult.Decision.NOT_CONFIDENT : SearchResult.Decision.ANSWERED,
                    hits.isEmpty() ? 0 : 1, hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
