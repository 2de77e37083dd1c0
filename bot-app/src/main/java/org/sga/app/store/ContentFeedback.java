package org.sga.app.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the content owners learn from use: questions the bot could not answer ({@code unanswered_question}) and the
 * Helpful / Not helpful votes on answers ({@code answer_vote}). No user ids are kept. The question text is the user's
 * own words: it is stored here for the content owners and must never be logged; database errors are reported by the
 * callers without their message, which may quote a value.
 */
public final class ContentFeedback {

    /** Longest question text kept; the search reads no more than this either. */
    public static final int MAX_QUESTION = 1_000;
    static final int MAX_TOPIC = 128;
    static final int MAX_PLATFORM = 32;
    public static final int MAX_SECTION = 255;
    static final int MAX_VERSION = 64;

    private final StoreContext context;

    ContentFeedback(StoreContext context) {
        this.context = context;
    }

    /** A question the bot was not confident to answer, at the store's clock time; over-long text is cut. */
    public void recordUnanswered(String platform, String question, String topic) {
        Objects.requireNonNull(question, "question");
        context.jdbc().sql("INSERT INTO unanswered_question (platform, question, topic, asked_at) VALUES (?, ?, ?, ?)")
                .params(clip(required(platform, "platform"), MAX_PLATFORM), clip(question, MAX_QUESTION),
                        topic == null || topic.isBlank() ? null : clip(topic, MAX_TOPIC), StoreContext.time(context.now()))
                .update();
    }

    /**
     * One vote on an answer from {@code sectionId} (e.g. {@code child-abuse-and-ict#4.4}) in procedure {@code version}
     * (null when the button did not say).
     *
     * @throws IllegalArgumentException when the section id is blank or longer than a section id can be
     */
    public void recordVote(String platform, String sectionId, String version, boolean helpful) {
        String section = required(sectionId, "sectionId");
        if (section.length() > MAX_SECTION) {
            throw new IllegalArgumentException("sectionId is longer than " + MAX_SECTION + " characters");
        }
        context.jdbc().sql("INSERT INTO answer_vote (platform, section_id, procedure_version, helpful, voted_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(clip(required(platform, "platform"), MAX_PLATFORM), section,
                        version == null || version.isBlank() ? null : clip(version, MAX_VERSION), helpful,
                        StoreContext.time(context.now()))
                .update();
    }

    /** Each unanswered question asked at or after {@code since}, oldest first, streamed. */
    public long unansweredSince(Instant since, Consumer<UnansweredQuestion> each) {
        Objects.requireNonNull(each, "each");
        long[] count = {0};
        context.inTransaction(() -> {
            context.streaming().query("SELECT asked_at, platform, topic, question FROM unanswered_question"
                            + " WHERE asked_at >= ? ORDER BY asked_at, id",
                    rs -> {
                        each.accept(new UnansweredQuestion(StoreContext.instant(rs, "asked_at"), rs.getString("platform"),
                                rs.getString("topic"), rs.getString("question")));
                        count[0]++;
                    },
                    StoreContext.time(since));
            return null;
        });
        return count[0];
    }

    /**
     * Per section with at least one Not helpful vote at or after {@code since}: the Not helpful and Helpful counts, most
     * Not helpful first.
     */
    public List<SectionVotes> notHelpfulSince(Instant since) {
        return context.jdbc().sql("SELECT section_id,"
                        + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS not_helpful,"
                        + " SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS helpful"
                        + " FROM answer_vote WHERE voted_at >= ? GROUP BY section_id"
                        + " HAVING SUM(CASE WHEN helpful THEN 0 ELSE 1 END) > 0"
                        + " ORDER BY not_helpful DESC, section_id")
                .param(StoreContext.time(since))
                .query((rs, n) -> new SectionVotes(rs.getString("section_id"), rs.getLong("not_helpful"), rs.getLong("helpful")))
                .list();
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    /** A question the bot could not answer. {@code topic} is the not-covered topic recognised, or null. */
    public record UnansweredQuestion(Instant at, String platform, String topic, String question) {
    }

    /** The votes on one section's answers. */
    public record SectionVotes(String sectionId, long notHelpful, long helpful) {
    }
}
