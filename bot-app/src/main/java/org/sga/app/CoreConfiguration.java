package org.sga.app;

import java.time.Clock;
import org.sga.app.content.ContentSource;
import org.sga.app.settings.SettingsConfiguration;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.PrivateChats;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.conversation.TriageDialogue;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.EscalationRaiser;
import org.sga.core.triage.TriageEngine;
import org.sga.core.search.BackgroundSearcher;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.SectionIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Builds the core once per application: content, search index, and the assistant every platform talks to. */
@Configuration(proxyBeanMethods = false)
@Import(SettingsConfiguration.class)
class CoreConfiguration {

    @Bean
    Library library(ContentSource content) {
        return content.library();
    }

    /**
     * The embedding model, loading from now on, with the content's vectors cached on disk: one for the index, the
     * danger check and the guidance, so every vector of the content goes through one cache.
     */
    @Bean
    CachedEmbedder embedder(ContentSource content) {
        // Read here: an unknown SGA_EMBEDDING_MODEL stops start-up with a message naming it.
        return content.embedder();
    }

    /** Built in the background: the console greets at once and the first question waits for the model. */
    @Bean
    BackgroundSearcher searcher(ContentSource content, Library library, CachedEmbedder embedder) {
        // Started here, with the other steps, though the index is built later on a thread of its own.
        Runnable indexed = embedder.startStep();
        return new BackgroundSearcher(() -> {
            SectionIndex index = content.index(library, embedder);
            indexed.run();
            return index;
        });
    }

    /**
     * Once every bean has been made, every step of preparing the content has started: when the last is done, the
     * embedding cache keeps only the vectors the content asked for (a content folder's edits leave none behind).
     */
    @Bean
    SmartInitializingSingleton contentStepsStarted(CachedEmbedder embedder) {
        return embedder::allStepsStarted;
    }

    /** Read at start-up, so a broken danger or card file stops it with the file and line; examples embed in the background. */
    @Bean
    DangerSignals dangerSignals(ContentSource content, Library library, CachedEmbedder embedder) {
        return content.dangerSignals(library, embedder);
    }

    @Bean
    Answers answers(ContentSource content, Library library, CachedEmbedder embedder) {
        return content.answers(library, embedder);
    }

    @Bean
    TriageDialogue triageDialogue(TriageEngine engine, ConversationStore conversations, EscalationRaiser raiser, Answers answers,
                                  DangerSignals danger, Clock clock, ObjectProvider<ConversationEvents> events) {
        return new TriageDialogue(engine, conversations, raiser, answers, danger, clock,
                ConversationEvents.all(events.orderedStream().toList()));
    }

    @Bean
    Assistant assistant(BackgroundSearcher searcher, Answers answers, DangerSignals danger, TriageDialogue triage,
                        Acknowledger acknowledgements, ObjectProvider<ConversationEvents> events) {
        return new Assistant(searcher, answers, danger, triage, acknowledgements,
                ConversationEvents.all(events.orderedStream().toList()));
    }

    /** Read at start-up, so a bad line stops it with the file and line named. */
    @Bean
    PrivateTopics privateTopics(ContentSource content) {
        return content.privateTopics();
    }

    /**
     * What Slack and Teams talk to: the assistant, behind the rule that reports and disclosures written where others can
     * read them continue in the person's private chat.
     */
    @Bean
    @Primary
    Conversation conversation(Assistant assistant, PrivateTopics topics, TriageDialogue triage) {
        return new PrivateChats(assistant, topics, triage::isStart);
    }
}
