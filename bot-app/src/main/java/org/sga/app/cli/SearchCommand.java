package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sga.core.search.SearchResult;
import org.sga.core.search.SectionIndex;
import tools.jackson.databind.json.JsonMapper;

/** {@code search --json}: one question a line on stdin, one JSON object a line on stdout, best 5 sections each. */
final class SearchCommand implements Command {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) throws Exception {
        if (!args.equals(List.of("--json"))) {
            throw new UsageException("usage: search --json  (questions one per line on stdin)");
        }
        SectionIndex index = Content.index(Content.library());
        String line;
        while ((line = in.readLine()) != null) {
            SearchResult result = index.search(line, 5);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("query", line);
            json.put("answered", result.answered());
            json.put("confidence", round(result.confidence()));
            json.put("results", result.hits().stream().map(h -> {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", h.section().globalId());
                hit.put("title", h.section().heading());
                hit.put("score", round(h.score()));
                return hit;
            }).toList());
            out.println(JSON.writeValueAsString(json));
        }
        out.flush();
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
