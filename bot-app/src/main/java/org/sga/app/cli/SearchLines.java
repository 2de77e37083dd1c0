package org.sga.app.cli;

import org.sga.app.content.ContentSource;
import java.util.function.UnaryOperator;
import org.sga.core.search.SearchResult;
import org.sga.core.search.SectionIndex;
import org.sga.core.values.JsonText;

/** What {@code search --json} writes for a question: one JSON object with the best 5 sections. */
final class SearchLines {

    private SearchLines() {
    }

    /** Reads the content and loads the model, then answers a question with its line. */
    static UnaryOperator<String> answers(ContentSource content) {
        // The model loads on another core while the content is read and indexed.
        var embedder = content.embedder();
        SectionIndex index = content.index(content.library(), embedder);
        return line -> {
            SearchResult result = index.search(line, 5);
            StringBuilder json = new StringBuilder("{\"query\":").append(JsonText.quote(line))
                    .append(",\"answered\":").append(result.answered())
                    .append(",\"confidence\":").append(round(result.confidence()))
                    .append(",\"results\":[");
            for (int i = 0; i < result.hits().size(); i++) {
                var h = result.hits().get(i);
                json.append(i == 0 ? "" : ",").append("{\"id\":").append(JsonText.quote(h.section().globalId()))
                        .append(",\"title\":").append(JsonText.quote(h.section().heading()))
                        .append(",\"score\":").append(round(h.score())).append('}');
            }
            return json.append("]}").toString();
        };
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
