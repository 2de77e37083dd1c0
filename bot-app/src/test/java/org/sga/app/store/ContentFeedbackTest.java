package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.ContentFeedback.SectionVotes;
import org.sga.app.store.ContentFeedback.UnansweredQuestion;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.testkit.MutableClock;

class ContentFeedbackTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    private static List<UnansweredQuestion> since(ContentFeedback feedback, java.time.Instant from) {
        List<UnansweredQuestion> all = new ArrayList<>();
        long n = feedback.unansweredSince(from, all::add);
        assertThat(n).isEqualTo(all.size());
        return all;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenUnansweredQuestions_thenListedFromTheGivenTimeOldestFirst(Db db) {
        ContentFeedback feedback = databases.open(db, clock).contentFeedback();

        feedback.recordUnanswered("slack", "how do I book annual leave at Example School", "annual leave");
        clock.advance(Duration.ofHours(1));
        feedback.recordUnanswered("teams", "what is the invented Zebrafinch protocol", null);
        clock.advance(Duration.ofHours(1));
        feedback.recordUnanswered("console", "who covers the invented Quokka rota", "  ");

        assertThat(since(feedback, Rows.T0)).containsExactly(
                new UnansweredQuestion(Rows.T0, "slack", "annual leave", "how do I book annual leave at Example School"),
                new UnansweredQuestion(Rows.T0.plus(Duration.ofHours(1)), "teams", null, "what is the invented Zebrafinch protocol"),
                new UnansweredQuestion(Rows.T0.plus(Duration.ofHours(2)), "console", null, "who covers the invented Quokka rota"));
        assertThat(since(feedback, Rows.T0.plus(Duration.ofMinutes(61)))).extracting(UnansweredQuestion::platform)
                .containsExactly("console");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenVeryLongQuestion_thenItsFirstThousandCharactersAreKept(Db db) {
        ContentFeedback feedback = databases.open(db, clock).contentFeedback();
        String longQuestion = "why ".repeat(400) + "\uD83D\uDE00".repeat(10);

        feedback.recordUnanswered("slack", longQuestion, "x".repeat(300));

        UnansweredQuestion stored = since(feedback, Rows.T0).getFirst();
        assertThat(stored.question()).hasSize(ContentFeedback.MAX_QUESTION).isEqualTo(longQuestion.substring(0, 1_000));
        assertThat(stored.topic()).hasSize(128);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenVotes_thenSectionsWithNotHelpfulVotesAreSummedMostNotHelpfulFirst(Db db) {
        ContentFeedback feedback = databases.open(db, clock).contentFeedback();
        feedback.recordVote("slack", "child-abuse-and-ict#4.4", "3.0", false);
        feedback.recordVote("teams", "child-abuse-and-ict#4.4", "3.0", true);
        feedback.recordVote("teams", "child-abuse-and-ict#4.4", null, true);
        feedback.recordVote("slack", "child-abuse-and-ict#7.1", "3.0", false);
        feedback.recordVote("slack", "child-abuse-and-ict#7.1", "3.0", false);
        feedback.recordVote("slack", "child-abuse-and-ict#2.1", "3.0", true);
        clock.advance(Duration.ofDays(1));
        feedback.recordVote("slack", "child-abuse-and-ict#5.2", "3.1", false);

        assertThat(feedback.notHelpfulSince(Rows.T0)).containsExactly(
                new SectionVotes("child-abuse-and-ict#7.1", 2, 0),
                new SectionVotes("child-abuse-and-ict#4.4", 1, 2),
                new SectionVotes("child-abuse-and-ict#5.2", 1, 0));
        assertThat(feedback.notHelpfulSince(Rows.T0.plus(Duration.ofHours(1))))
                .containsExactly(new SectionVotes("child-abuse-and-ict#5.2", 1, 0));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenVoteWithoutSection_thenRefused(Db db) {
        ContentFeedback feedback = databases.open(db, clock).contentFeedback();

        assertThatThrownBy(() -> feedback.recordVote("teams", " ", "3.0", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feedback.recordVote("teams", "s".repeat(256), "3.0", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(feedback.notHelpfulSince(Rows.T0.minusSeconds(1))).isEmpty();
    }
}
