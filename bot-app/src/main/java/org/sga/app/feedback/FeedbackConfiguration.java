package org.sga.app.feedback;

import org.sga.app.store.Store;
import org.sga.slack.FeedbackRecorder;
import org.sga.teams.Feedback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records unanswered questions (a {@link org.sga.core.conversation.ConversationEvents} listener the core tells) and
 * answer votes (the Slack and Teams feedback ports, which their configurations pick up when the platform is on).
 */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    UnansweredQuestions unansweredQuestions(Store store) {
        return new UnansweredQuestions(store.contentFeedback());
    }

    @Bean
    FeedbackRecorder slackAnswerVotes(Store store) {
        return new AnswerVotes(store.contentFeedback()).slack();
    }

    @Bean
    Feedback teamsAnswerVotes(Store store) {
        return new AnswerVotes(store.contentFeedback()).teams();
    }
}
