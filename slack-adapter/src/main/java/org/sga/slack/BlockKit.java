package org.sga.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Reply;

/** Renders core replies as Block Kit, and knows the ids of the buttons it draws. */
final class BlockKit {

    static final String CHOICE = "sga_choice";
    static final String ANSWER = "sga_answer";
    static final String SEE_ALSO = "sga_see_also";
    static final String HELPFUL = "sga_helpful";
    static final String NOT_HELPFUL = "sga_not_helpful";
    static final String ACKNOWLEDGE = "sga_ack";
    static final String REPORT = "sga_report";

    /** Action ids are unique within a block, so numbered buttons share a prefix and the handlers match on it. */
    static final Pattern CHOICE_IDS = Pattern.compile("^" + CHOICE + ":\\d+$");
    static final Pattern ANSWER_IDS = Pattern.compile("^" + ANSWER + ":\\d+$");
    static final Pattern SEE_ALSO_IDS = Pattern.compile("^" + SEE_ALSO + ":\\d+$");

    static final String REPORT_CHOICE = "report a concern";

    // Slack's documented limits.
    private static final int SECTION_CHARS = 3000;
    private static final int HEADER_CHARS = 150;
    private static final int BUTTON_CHARS = 75;
    private static final int VALUE_CHARS = 2000;
    private static final int BUTTONS_PER_BLOCK = 25;
    private static final int BLOCKS = 50;
    private static final int FALLBACK_CHARS = 300;

    private BlockKit() {
    }

    static List<LayoutBlock> render(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (reply.urgent() != null) {
            blocks.add(section(s -> s.text(markdownText(":rotating_light: *" + escape(reply.urgent()) + "*"))));
        }
        for (Reply.Card card : reply.guidance()) {
            blocks.add(header(h -> h.text(plainText(cut(card.title(), HEADER_CHARS)))));
            String said = "*" + escape(card.first()) + "*\n" + escape(card.text()) + "\n*Never:* " + escape(card.never());
            blocks.add(section(s -> s.text(markdownText(cut(said, SECTION_CHARS)))));
            List<String> sources = new ArrayList<>();
            card.procedure().forEach(c -> sources.add(source(c)));
            card.national().forEach(n -> sources.add(":globe_with_meridians: " + escape(n)));
            sources.add(escape(card.review()));
            blocks.add(context(c -> c.elements(List.of(markdownText(cut(String.join("\n", sources), SECTION_CHARS))))));
        }
        if (!reply.guidance().isEmpty()) {
            blocks.add(divider());
        }
        if (reply.nextStep() != null) {
            String next = ":arrow_right: *Next step:* " + escape(reply.nextStep().text()) + " _(" + escape(reply.nextStep().source().label()) + ")_";
            blocks.add(section(s -> s.text(markdownText(cut(next, SECTION_CHARS)))));
        }
        for (String chunk : chunks(mrkdwn(reply.text()))) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (reply.citation() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(source(reply.citation()))))));
        }
        for (Reply.ChecklistGroup group : reply.checklistGroups()) {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText(cut(group.heading(), HEADER_CHARS)))));
            int n = 0;
            for (Reply.ChecklistItem item : group.items()) {
                String line = ":white_square: *" + ++n + ". " + escape(item.title()) + "*\n" + mrkdwn(item.text());
                blocks.add(section(s -> s.text(markdownText(cut(line, SECTION_CHARS)))));
                if (!item.cites().isEmpty()) {
                    String cites = String.join(" · ", item.cites().stream().map(BlockKit::source).toList());
                    blocks.add(context(c -> c.elements(List.of(markdownText(cut(cites, SECTION_CHARS))))));
                }
            }
        }
        for (String note : reply.notes()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(escape(note))))));
        }
        if (!reply.seeAlso().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            for (Citation see : reply.seeAlso()) {
                int i = buttons.size();
                String title = see.heading() == null ? see.label() : see.label() + " — " + see.heading();
                buttons.add(button(b -> b.actionId(SEE_ALSO + ":" + i).text(plainText(cut("See also " + title, BUTTON_CHARS)))
                        .value(cut(see.heading() == null ? see.label() : see.heading(), VALUE_CHARS))));
            }
            blocks.add(actionsBlock("see_also", buttons));
        }
        if (!reply.choices().isEmpty()) {
            boolean triage = reply.kind() == Reply.Kind.TRIAGE_QUESTION;
            String prefix = triage ? ANSWER : CHOICE;
            List<BlockElement> buttons = new ArrayList<>();
            for (Choice choice : reply.choices()) {
                int i = buttons.size();
                boolean primary = !triage && REPORT_CHOICE.equals(choice.value());
                buttons.add(button(b -> b.actionId(prefix + ":" + i).text(plainText(cut(choice.label(), BUTTON_CHARS)))
                        .value(cut(choice.value(), VALUE_CHARS)).style(primary ? "primary" : null)));
            }
            blocks.add(actionsBlock(triage ? "answers" : "choices", buttons));
        }
        if (reply.kind() == Reply.Kind.ANSWER && reply.citation() != null) {
            String value = cut(reply.citation().sectionId() + "|" + reply.citation().version(), VALUE_CHARS);
            blocks.add(actions(a -> a.blockId("feedback").elements(List.of(
                    button(b -> b.actionId(HELPFUL).text(plainText(":thumbsup: Helpful", true)).value(value)),
                    button(b -> b.actionId(NOT_HELPFUL).text(plainText(":thumbsdown: Not helpful", true)).value(value))))));
        }
        return blocks.size() > BLOCKS ? List.copyOf(blocks.subList(0, BLOCKS)) : blocks;
    }

    /**
     * The notification text beside the blocks: the urgent line first, then the start of the body. Slack reads this
     * text as mrkdwn too (it is what notifications and some clients show), so it is escaped like the blocks: a person's
     * words never become a mention, a channel-wide ping or a disguised link.
     */
    static String fallback(Reply reply) {
        String text = reply.urgent() != null ? reply.urgent() + " " + reply.text() : reply.text();
        return escape(cut(text, FALLBACK_CHARS));
    }

    /** A triage question after it was answered: the question as asked, the answer chosen, no buttons left. */
    static List<LayoutBlock> answered(List<LayoutBlock> original, String chosen) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (original != null) {
            original.stream().filter(b -> !(b instanceof ActionsBlock)).forEach(blocks::add);
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(":white_check_mark: You answered: *" + escape(chosen) + "*")))));
        return blocks;
    }

    /** The blocks of an escalation notice, with the Acknowledge button while nobody has acknowledged. */
    static List<LayoutBlock> escalation(String payload, String reference, String role) {
        return escalation(payload, reference, role, null);
    }

    /**
     * The blocks of an escalation notice; {@code link}, when not null, is a mrkdwn line (see {@link #originalNotice})
     * shown as context above the Acknowledge button.
     */
    static List<LayoutBlock> escalation(String payload, String reference, String role, String link) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : chunks(escape(payload))) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (link != null) {
            blocks.add(context(c -> c.blockId("original_notice").elements(List.of(markdownText(link)))));
        }
        blocks.add(actions(a -> a.blockId("acknowledge").elements(List.of(button(b -> b.actionId(ACKNOWLEDGE)
                .text(plainText("Acknowledge")).style("primary").value(reference + "|" + role))))));
        return blocks;
    }

    /** The line in a backup's notice that links to the role's first notice, in the channel it was posted to. */
    static String originalNotice(String permalink, String channelId) {
        return ":link: <" + permalink + "|Original notice> in <#" + channelId + ">";
    }

    /**
     * An escalation notice once acknowledged: the notice as posted, the acknowledgement instead of the button.
     * {@code by} is who acknowledged as the core records it ({@code slack:U…}, or another platform's id).
     */
    static List<LayoutBlock> acknowledged(List<LayoutBlock> original, String by, long epochSecond) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (original != null) {
            original.stream().filter(b -> !(b instanceof ActionsBlock)).forEach(blocks::add);
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(":white_check_mark: Acknowledged by " + acknowledgedLine(by, epochSecond))))));
        return blocks;
    }

    static String acknowledgedLine(String by, long epochSecond) {
        // Slack shows the time in each reader's own time zone; the fallback is UTC.
        String utc = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'")
                .format(java.time.Instant.ofEpochSecond(epochSecond).atOffset(java.time.ZoneOffset.UTC));
        return who(by) + " at <!date^" + epochSecond + "^{time}|" + utc + ">";
    }

    /** A Slack user as a mention; anyone else (acknowledged from Teams or the console) as plain, escaped text. */
    static String who(String by) {
        String slackPrefix = "slack:";
        if (by.startsWith(slackPrefix) && by.substring(slackPrefix.length()).matches("[A-Z0-9]{1,32}")) {
            return "<@" + by.substring(slackPrefix.length()) + ">";
        }
        return escape(by);
    }

    static List<LayoutBlock> home() {
        return List.of(
                header(h -> h.text(plainText("Safeguarding Assistant"))),
                section(s -> s.text(markdownText("""
                        I answer questions from the safeguarding procedures, quoting the procedure itself with its \
                        section number and version. Ask me in a direct message, mention me in a channel, or type \
                        `/safeguarding your question`.
                        *Report a concern* takes you through a few questions, shows the checklist the procedure \
                        requires and tells the right people, who must acknowledge it.
                        Please do not send images or files of a child: I will not open them.""")))
                ,
                section(s -> s.text(markdownText(":rotating_light: *If a child is in immediate danger, call 999 now.*"))),
                actions(a -> a.blockId("home").elements(List.of(button(b -> b.actionId(REPORT).style("primary")
                        .text(plainText("Report a concern")).value(REPORT_CHOICE))))));
    }

    private static ActionsBlock actionsBlock(String id, List<BlockElement> buttons) {
        List<BlockElement> limited = buttons.size() > BUTTONS_PER_BLOCK ? buttons.subList(0, BUTTONS_PER_BLOCK) : buttons;
        return actions(a -> a.blockId(id).elements(List.copyOf(limited)));
    }

    /**
     * {@code :book: <chapter|Procedure §4.4> · procedure version … · procedure review date … · content …}: the
     * procedure's own version and date, apart from the content's, linked to the chapter when the content has its address.
     */
    static String source(Citation c) {
        String label = escape(c.label());
        String link = c.link();
        String linked = link != null && link.startsWith("http") ? "<" + link + "|" + label + ">" : label;
        return ":book: " + linked + " · procedure version " + escape(c.procedureVersion()) + " · procedure review date "
                + escape(c.procedureReviewed()) + (c.lastReviewed() == null ? "" : " · " + escape(c.content()));
    }

    /** Slack's mrkdwn needs &, < and > escaped; Markdown bold becomes Slack bold. */
    static String mrkdwn(String text) {
        return escape(text).replaceAll("\\*\\*(.+?)\\*\\*", "*$1*");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Splits at paragraph breaks so each piece fits a section block. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            if (current.length() + paragraph.length() + 2 > SECTION_CHARS && !current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(paragraph);
            while (current.length() > SECTION_CHARS) {
                out.add(current.substring(0, SECTION_CHARS));
                current.delete(0, SECTION_CHARS);
            }
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(current.isEmpty() ? " " : current.toString());
        }
        return out;
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
