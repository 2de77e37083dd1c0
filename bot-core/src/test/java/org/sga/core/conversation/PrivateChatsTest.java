package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Reports and disclosures written where others can read them continue in private; the rule is the core's. */
class PrivateChatsTest {

    private final List<InboundMessage> passedOn = new CopyOnWriteArrayList<>();
    private final PrivateChats chats = new PrivateChats(message -> {
        passedOn.add(message);
        return Reply.notice("answered");
    }, shippedTopics(), text -> text.strip().equalsIgnoreCase("report a concern"));

    private static PrivateTopics shippedTopics() {
        try (var in = new InputStreamReader(PrivateChatsTest.class.getResourceAsStream("/conversation/private-topics.txt"),
                StandardCharsets.UTF_8)) {
            return PrivateTopics.parse(in, "private-topics.txt");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InboundMessage shared(String text) {
        return new InboundMessage("slack", "C0STAFF", "U0TEACHER", text, false, true);
    }

    @Test
    void givenADisclosureInAChannel_thenItContinuesPrivatelyAndIsNotAnsweredThere() {
        for (String text : List.of("a pupil told me her uncle hits her", "I'm worried about a child in year 9",
                "nudes going round school", "a boy is being blackmailed")) {
            Reply reply = chats.handle(shared(text));
            assertThat(reply.kind()).as(text).isEqualTo(Reply.Kind.CONTINUE_PRIVATELY);
            assertThat(reply.text()).doesNotContain(text).contains("private message", "999");
        }
        assertThat(passedOn).isEmpty();
    }

    @Test
    void givenAReportStartedOrAFileInAChannel_thenItContinuesPrivately() {
        assertThat(chats.handle(shared("report a concern")).kind()).isEqualTo(Reply.Kind.CONTINUE_PRIVATELY);
        assertThat(chats.handle(new InboundMessage("teams", "19:staff", "29:teacher", "look", true, true)).kind())
                .isEqualTo(Reply.Kind.CONTINUE_PRIVATELY);
        assertThat(passedOn).isEmpty();
    }

    @Test
    void givenAQuestionAboutTheProcedureInAChannel_thenAnsweredThere() {
        for (String text : List.of("what does section 4.4 say about preserving evidence",
                "who is the designated safeguarding lead")) {
            assertThat(chats.handle(shared(text)).text()).isEqualTo("answered");
        }
        assertThat(passedOn).hasSize(2).allSatisfy(m -> assertThat(m.sharedChannel()).isTrue());
    }

    @Test
    void givenADisclosureInThePrivateChat_thenItIsHandledThere() {
        InboundMessage direct = new InboundMessage("slack", "D0TEACHER", "U0TEACHER", "a pupil told me her uncle hits her",
                false, false);
        assertThat(chats.handle(direct).text()).isEqualTo("answered");
        assertThat(passedOn).containsExactly(direct);
    }

    @Test
    void givenABadLineInTheTopics_thenTheFileAndLineAreNamed() {
        assertThatThrownBy(() -> PrivateTopics.parse(new StringReader("# words\n\\bworried\\b\n(unclosed\n"), "topics.txt"))
                .hasMessageStartingWith("topics.txt line 3:");
        assertThatThrownBy(() -> PrivateTopics.parse(new StringReader("# only a comment\n"), "topics.txt"))
                .hasMessageContaining("no phrases");
    }
}
