package org.sga.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sga.app.content.ContentSource;
import org.sga.app.settings.BuildFolderSettings;
import org.sga.content.Library;
import org.sga.core.guidance.Background;
import org.sga.core.guidance.GuidanceCards;

/**
 * The card file is read once for the danger check and the replies; once the replies' cards have learned from its
 * labelled staff messages the texts are let go, and whoever asks for the cards to learn from again gets them read anew.
 */
class AskLinesCardsTest {

    @Test
    void onceTheRepliesCardsHaveLearned_theCardsAreReadAgainForWhoeverLearnsFromThemAgain() {
        ContentSource content = ContentSource.shipped(BuildFolderSettings.DATA);
        Library library = content.library();
        GuidanceCards asRead = content.guidanceCards(library);
        assertThat(asRead.learnable()).isTrue();
        assertThat(content.guidanceCards(library)).as("one reading shared").isSameAs(asRead);

        UnaryOperator<String> ask = AskLines.answers(content);
        String reply = ask.apply("can I forward the pic to the DSL?");
        Background.awaitAll(Duration.ofMinutes(10));
        GuidanceCards again = content.guidanceCards(library);

        assertThat(reply).contains("IMAGES_DO_NOT_SHARE");
        assertThat(again).isNotSameAs(asRead);
        assertThat(again.learnable()).as("read again with its labelled messages").isTrue();
        assertThat(again.cards()).isEqualTo(asRead.cards());
    }
}
