package org.sga.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.escalation.EscalationEvents;

class ListenersTest {

    @Test
    void givenSeveralListeners_thenEachHearsEveryEventInTurn() {
        List<String> heard = new ArrayList<>();
        EscalationEvents first = hearing("first", heard);
        EscalationEvents second = hearing("second", heard);

        EscalationEvents all = EscalationEvents.all(List.of(first, second));
        all.acknowledged("dsl");
        all.reEscalated("manager");

        assertThat(heard).containsExactly("first dsl", "second dsl", "first re manager", "second re manager");
    }

    @Test
    void givenAListenerThatThrows_thenTheOthersStillHearTheEvent() {
        List<String> heard = new ArrayList<>();
        ConversationEvents failing = new ConversationEvents() {
            @Override
            public void triageStarted(String platform) {
                throw new IllegalStateException("metrics down");
            }
        };
        ConversationEvents counting = new ConversationEvents() {
            @Override
            public void triageStarted(String platform) {
                heard.add(platform);
            }
        };

        ConversationEvents.all(List.of(failing, counting)).triageStarted("slack");

        assertThat(heard).containsExactly("slack");
    }

    @Test
    void givenNoListeners_thenNobodyListens() {
        assertThat(EscalationEvents.all(List.of())).isSameAs(EscalationEvents.NONE);
        assertThat(ConversationEvents.all(List.of())).isSameAs(ConversationEvents.NONE);
    }

    private static EscalationEvents hearing(String name, List<String> heard) {
        return new EscalationEvents() {
            @Override
            public void acknowledged(String role) {
                heard.add(name + " " + role);
            }

            @Override
            public void reEscalated(String role) {
                heard.add(name + " re " + role);
            }
        };
    }
}
