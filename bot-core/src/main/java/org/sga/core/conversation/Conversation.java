package org.sga.core.conversation;

/** The core's entry point: every platform hands each inbound message here and renders the reply. */
@FunctionalInterface
public interface Conversation {
    Reply handle(InboundMessage message);
}
