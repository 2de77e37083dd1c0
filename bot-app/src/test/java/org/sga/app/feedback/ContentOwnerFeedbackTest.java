package org.sga.app.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.content.ShippedContent;
import org.sga.app.store.ContentFeedback.SectionVotes;
import org.sga.app.store.ContentFeedback.UnansweredQuestion;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.sga.core.search.SectionIndex;
import org.sga.slack.FeedbackRecorder;
import org.sga.teams.Feedback;

/** The real assistant (lexical search) and the real store: what reaches the content owners, and what does not. */
class ContentOwnerFeedbackTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-11-02T09:30:00Z");

    private static Library library;
    private static SectionIndex index;

    private final MutableClock clock = new MutableClock(T0);

    @BeforeAll
    static void content() {
        library = ShippedContent.SOURCE.library();
        index = ShippedContent.SOURCE.index(library, false);
    }

    private Assistant assistant(Store store) {
        return new Assistant(index, new Answers(library), ShippedContent.SOURCE.dangerSignals(), null, null,
                ConversationEvents.all(List.of(new UnansweredQuestions(store.contentFeedback()))));
    }

    private static List<UnansweredQuestion> unanswered(Store store) {
        List<UnansweredQuestion> all = new ArrayList<>();
        store.contentFeedback().unansweredSince(Instant.EPOCH, all::add);
        return all;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenQuestionsAnsweredAndNot_thenOnlyTheUnansweredOnesAreKept(Db db) {
        Store store = databases.open(db, clock);
        Assistant assistant = assistant(store);

        Reply answered = assistant.handle(InboundMessage.direct("slack", "U0TEST1",
                "what does the procedure say about preserving evidence on a phone"));
        Reply declined = assistant.handle(InboundMessage.direct("teams", "29:test-user",
                "how many days of annual leave do I get"));

        assertThat(answered.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(declined.kind()).isNotEqualTo(Reply.Kind.ANSWER);
        assertThat(unanswered(store)).singleElement().satisfies(q -> {
            assertThat(q.platform()).isEqualTo("teams");
            assertThat(q.question()).isEqualTo("how many days of annual leave do I get");
            assertThat(q.at()).isEqualTo(T0);
        });
    }

    @Test
    void givenTheStoreFails_thenTheUserStillGetsTheirReply() {
        Store store = databases.open(Db.H2, clock);
        Assistant assistant = assistant(store);
        store.close();

        Reply declined = assistant.handle(InboundMessage.direct("slack", "U0TEST1", "how many days of annual leave do I get"));

        assertThat(declined.text()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenVotesFromSlackAndTeams_thenStoredWithoutUsersAndSummedPerSection(Db db) {
        Store store = databases.open(db, clock);
        AnswerVotes votes = new AnswerVotes(store.contentFeedback());

        votes.slack().record(new FeedbackRecorder.Feedback("slack", "child-abuse-and-ict#4.4", "3.0", false));
        votes.teams().record(new Feedback.Vote("19:conversation", "29:test-user", "child-abuse-and-ict#4.4", "3.0", true));
        votes.teams().record(new Feedback.Vote("19:conversation", "29:test-user", "child-abuse-and-ict#7.1", "", false));
        votes.teams().record(new Feedback.Vote("19:conversation", "29:test-user", "", "3.0", false));

        assertThat(store.contentFeedback().notHelpfulSince(T0)).containsExactly(
                new SectionVotes("child-abuse-and-ict#4.4", 1, 1),
                new SectionVotes("child-abuse-and-ict#7.1", 1, 0));
    }
}
