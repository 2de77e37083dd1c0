package org.sga.app.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.sga.app.store.ContentFeedback.SectionVotes;
import org.sga.app.store.Store;
import org.sga.core.values.JsonText;

/**
 * {@code unanswered --since DATE [--json]}: for the content owners, the questions the bot could not answer since DATE
 * (time, platform, not-covered topic, the question as asked) and, per section, the Not helpful votes with the Helpful
 * ones beside them. DATE is a UTC day ({@code 2026-11-01}) or an instant ({@code 2026-11-01T09:00:00Z}, or with an
 * offset). {@code --json} prints one object per line instead: {@code "type":"unanswered"} for each question, then
 * {@code "type":"section_votes"} for each section.
 */
final class UnansweredCommand implements Command {

    static final String USAGE = "usage: unanswered --since DATE [--json]  (DATE like 2026-11-01 or 2026-11-01T09:00:00Z)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Supplier<Store> stores;

    UnansweredCommand(Supplier<Store> stores) {
        this.stores = stores;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err) {
        Instant since = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--json" -> json = true;
                case "--since" -> {
                    if (i + 1 >= args.size() || since != null) {
                        throw new UsageException(USAGE);
                    }
                    since = since(args.get(++i));
                }
                default -> throw new UsageException(USAGE);
            }
        }
        if (since == null) {
            throw new UsageException(USAGE);
        }
        try (Store store = stores.get()) {
            if (json) {
                printJson(store, since, out);
            } else {
                printText(store, since, out);
            }
        }
        return 0;
    }

    private static void printText(Store store, Instant since, PrintStream out) {
        out.println("Questions the bot could not answer since " + since + ":");
        long questions = store.contentFeedback().unansweredSince(since, q -> out.printf("%s  %-8s %-24s  %s%n",
                TIME.format(q.at()), q.platform(), q.topic() == null ? "-" : oneLine(q.topic()), oneLine(q.question())));
        out.printf("%d unanswered question%s%n%n", questions, questions == 1 ? "" : "s");
        List<SectionVotes> votes = store.contentFeedback().notHelpfulSince(since);
        out.println("Not helpful votes per section since " + since + ":");
        if (votes.isEmpty()) {
            out.println("  none");
            return;
        }
        out.printf("  %11s  %7s  %s%n", "not helpful", "helpful", "section");
        for (SectionVotes v : votes) {
            out.printf("  %11d  %7d  %s%n", v.notHelpful(), v.helpful(), oneLine(v.sectionId()));
        }
    }

    private static void printJson(Store store, Instant since, PrintStream out) {
        store.contentFeedback().unansweredSince(since, q -> out.println("{\"type\":\"unanswered\",\"at\":"
                + JsonText.quote(q.at().toString()) + ",\"platform\":" + JsonText.quote(q.platform())
                + ",\"topic\":" + JsonText.quote(q.topic())
                + ",\"question\":" + JsonText.quote(q.question()) + "}"));
        for (SectionVotes v : store.contentFeedback().notHelpfulSince(since)) {
            out.println("{\"type\":\"section_votes\",\"section\":" + JsonText.quote(v.sectionId())
                    + ",\"notHelpful\":" + v.notHelpful() + ",\"helpful\":" + v.helpful() + "}");
        }
    }

    /** A UTC day, an instant, or a date-time with an offset; a date-time without a zone is ambiguous and refused. */
    static Instant since(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                try {
                    LocalDateTime.parse(text);
                    throw new UsageException("unanswered: '" + text + "' has no time zone; add Z for UTC, e.g. " + text + "Z");
                } catch (DateTimeParseException notLocal) {
                    throw new UsageException("unanswered: '" + text
                            + "' is not a date like 2026-11-01 or an instant like 2026-11-01T09:00:00Z");
                }
            }
        }
    }

    /** Staff's words as typed may hold line breaks or terminal control characters: one plain line each. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
        return out.toString();
    }
}
