package org.sga.slack;

import org.sga.core.conversation.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether something Slack sent (an event, a button press on a message) is seen for the first time, by the shared
 * store, so also across instances. When the store cannot say (it cannot write), the answer is yes: a reply twice is
 * better than silence, and the reply then says the bot cannot record.
 */
record FirstTimes(ProcessedEvents events) {

    private static final Logger LOG = LoggerFactory.getLogger(FirstTimes.class);

    boolean firstTime(String id) {
        try {
            return events.firstTime(SlackBot.PLATFORM, id);
        } catch (RuntimeException e) {
            LOG.warn("Could not check event {} for repeats ({}); answering it anyway", id, e.getClass().getSimpleName());
            return true;
        }
    }
}
