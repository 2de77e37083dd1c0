package org.sga.core.testkit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.sga.content.Library;
import org.sga.content.ProcedureLoader;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.SearchOptions;
import org.sga.core.search.SearchTuning;
import org.sga.core.search.SectionIndex;
import org.sga.core.triage.SectionCatalog;
import org.sga.core.triage.TriageEngine;

/**
 * The shipped content as the rules read it, without the embedding model: lexical search, the danger check by its
 * patterns, the triage definition checked against the procedure's sections, and the example routing (every name and id
 * in it invented). Loaded once per test JVM.
 */
public final class ShippedContent {

    public static final Library LIBRARY = ProcedureLoader.fromClasspath();
    public static final SectionIndex LEXICAL = lexical();
    public static final TriageEngine ENGINE = TriageEngine.fromClasspath(
            (SectionCatalog) citation -> LIBRARY.section(citation.id()).isPresent());
    public static final RoutingConfig ROUTING_EXAMPLE = RoutingConfig.parse(reader("routing/routing-example.yml"),
            "routing-example.yml");

    private ShippedContent() {
    }

    /** The danger check by its patterns; a new one each time, as it is cheap. */
    public static DangerSignals dangerByPatterns() {
        return DangerSignals.parse(reader("search/danger.yml"), "danger.yml");
    }

    public static Answers answers() {
        return new Answers(LIBRARY);
    }

    private static SectionIndex lexical() {
        try (Reader synonyms = reader("search/synonyms.txt")) {
            return SectionIndex.build(LIBRARY, synonyms, SearchOptions.lexical(SearchTuning.shipped().lexical()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String resource) {
        var in = ShippedContent.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("not on the classpath: " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
