package org.sga.app.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;

/**
 * The interactive terminal chat: reads a line, hands it to the core, prints the reply. {@code quit}, {@code exit}
 * and end of input (Ctrl-D) end it; a number picks one of the options last shown.
 */
public final class ConsoleChat {

    static final String PLATFORM = "console";

    private final Conversation conversation;
    private final String user;

    public ConsoleChat(Conversation conversation, String user) {
        this.conversation = conversation;
        this.user = user;
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        out.println("Safeguarding Assistant — ask a question about the safeguarding procedures.");
        out.println("Type \"help\" for what I can do, \"report a concern\" to start a triage, \"quit\" to leave.");
        out.println("If a child is in immediate danger, call 999.");
        List<Choice> lastChoices = List.of();
        while (true) {
            out.print("\n> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                break;
            }
            String trimmed = line.strip();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit") || lower.equals("bye")) {
                break;
            }
            if (trimmed.matches("\\d{1,2}")) {
                int pick = Integer.parseInt(trimmed);
                if (pick >= 1 && pick <= lastChoices.size()) {
                    trimmed = lastChoices.get(pick - 1).value();
                }
            }
            Reply reply;
            try {
                reply = conversation.handle(InboundMessage.direct(PLATFORM, user, trimmed));
            } catch (RuntimeException e) {
                // The chat must survive anything; the cause goes to the log without the message text.
                org.slf4j.LoggerFactory.getLogger(ConsoleChat.class).error("reply failed: {}", e.getClass().getName(), e);
                reply = Reply.notice("Sorry, something went wrong on my side. Please try again, or speak to your "
                        + "designated safeguarding lead. If a child is in immediate danger, call 999.");
            }
            out.println();
            out.print(ConsoleRenderer.render(reply));
            lastChoices = reply.choices();
        }
        out.println("Goodbye.");
        out.flush();
    }
}
