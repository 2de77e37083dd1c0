package org.sga.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ShippedContent;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;

class ConsoleChatTest {

    private static final Library LIBRARY = ShippedContent.SOURCE.library();
    private static final Assistant ASSISTANT = new Assistant(ShippedContent.SOURCE.index(LIBRARY), new Answers(LIBRARY), ShippedContent.SOURCE.dangerSignals());

    private static String chat(Conversation conversation, String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConsoleChat(conversation, "tester").run(new BufferedReader(new StringReader(input)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenAQuestion_thenTheAnswerQuotesTheProcedureWithItsSource() throws Exception {
        String out = chat(ASSISTANT, "someone has posted sexual images of a pupil online, what do we do\nquit\n");
        assertThat(out).contains("From the procedure:").contains("Source: Child abuse and Information Technology §")
                .contains("version").contains("Goodbye.");
    }

    @Test
    void givenATriageOutcome_thenEachOwnersActionsAreNumberedUnderItsHeadingInOwnerOrder() throws Exception {
        org.sga.core.conversation.Citation cite = new org.sga.core.conversation.Citation("child-abuse-and-ict#4.4",
                "Child abuse and Information Technology §4.4", "4. Sexting", "seed-1", java.time.LocalDate.of(2026, 11, 28),
                "https://example.org/procedure");
        Reply outcome = new Reply(Reply.Kind.TRIAGE_OUTCOME, "Call 999 now.", "Reference SG-1 · urgency EMERGENCY", null,
                List.of(), List.of(), List.of(), List.of(
                        new Reply.ChecklistItem("CALL_999", "reporter", "What you do now", "Call 999 now", "Phone.", List.of(cite)),
                        new Reply.ChecklistItem("RECORD_INCIDENT", "reporter", "What you do now", "Write it down", "Record.",
                                List.of(cite)),
                        new Reply.ChecklistItem("CONTACT_POLICE", "safeguarding_lead", "What the DSL will do", "Refer to the police",
                                "Refer.", List.of(cite)),
                        new Reply.ChecklistItem("ACCESS_TO_CHILDREN", "police", "What the police will do", "Check access",
                                "Check.", List.of(cite))));

        String out = ConsoleRenderer.render(outcome);

        assertThat(out).startsWith("!! Call 999 now.").contains("""
                What you do now
                  1. Call 999 now: Phone. (Child abuse and Information Technology §4.4)
                  2. Write it down: Record. (Child abuse and Information Technology §4.4)

                What the DSL will do
                  1. Refer to the police: Refer. (Child abuse and Information Technology §4.4)

                What the police will do
                  1. Check access: Check. (Child abuse and Information Technology §4.4)
                """);
    }

    @Test
    void helpAndQuitWork() throws Exception {
        String out = chat(ASSISTANT, "help\nquit\nthis line is never read\n");
        assertThat(out).contains("I answer questions from the safeguarding procedures").contains("Goodbye.");
        assertThat(out).doesNotContain("this line is never read");
    }

    @Test
    void endOfInputEndsTheChatCleanly() throws Exception {
        assertThat(chat(ASSISTANT, "what is grooming")).contains("Goodbye.");
        assertThat(chat(ASSISTANT, "")).contains("Goodbye.");
    }

    @Test
    void badInputGetsClearRepliesAndTheChatGoesOn() throws Exception {
        String input = String.join("\n", "", "!!!", "😀😀", "*:* AND OR (((", "x".repeat(40_000), "\u0000\u001b[2J", "quit") + "\n";
        String out = chat(ASSISTANT, input);
        assertThat(out).contains("Type a question").contains("couldn't find any words").contains("Goodbye.");
        assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aNumberPicksTheOptionLastShown() throws Exception {
        List<String> seen = new ArrayList<>();
        Conversation recorder = m -> {
            seen.add(m.text());
            return new Reply(Reply.Kind.NOTICE, null, "ok", null, List.of(),
                    List.of(new org.sga.core.conversation.Choice("report a concern", "Report a concern")), List.of());
        };
        chat(recorder, "hello\n1\n7\n");
        assertThat(seen).containsExactly("hello", "report a concern", "7");
    }

    @Test
    void aFailureInTheCoreIsReportedWithoutATraceAndTheChatContinues() throws Exception {
        Conversation failing = m -> {
            if (m.text().equals("boom")) {
                throw new IllegalStateException("simulated");
            }
            return ASSISTANT.handle(m);
        };
        String out = chat(failing, "boom\nhelp\n");
        assertThat(out).contains("something went wrong").contains("I answer questions").doesNotContain("simulated");
        assertThat(InboundMessage.direct("console", "u", "x").conversationId()).isEqualTo("console:u");
    }
}
