package org.sga.app;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.sga.app.cli.Content;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.search.SectionIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the core once per application: content, search index, and the assistant every platform talks to. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Library library() {
        return Content.library();
    }

    @Bean
    SectionIndex sectionIndex(Library library) {
        return Content.index(library);
    }

    @Bean
    DangerSignals dangerSignals() {
        return Content.dangerSignals();
    }

    @Bean
    Assistant assistant(SectionIndex index, Library library, DangerSignals danger) {
        return new Assistant(index, new Answers(library), danger);
    }
}
