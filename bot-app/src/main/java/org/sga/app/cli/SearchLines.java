package org.sga.app.cli;

import org.sga.app.content.ContentSource;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import org.sga.core.search.SearchResult;
import org.sga.core.search.SectionIndex;
import org.sga.core.values.JsonText;

/** {@code search --json}: one question a line on stdin, one JSON object a line on stdout, best 5 sections each. */
final class SearchCommand implements Command {

    private final ContentSource content;

    SearchCommand(ContentSource content) {
        this.content = content;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (!args.equals(List.of("--json"))) {
            throw new UsageException("usage: search --json  (questions one per line on stdin)");
        }
        // The model loads on another core while the content is read and indexed.
        var embedder = content.embedder();
        SectionIndex index = content.index(content.library(), embedder);
        String line;
        while ((line = in.readLine()) != null) {
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
            out.println(json.append("]}"));
        }
        out.flush();
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
