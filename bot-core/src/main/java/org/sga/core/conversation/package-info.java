/**
 * Conversations: the entry point from an inbound message to a reply, and the per-conversation state
 * and event de-duplication it keeps between messages, so that any instance can take the next message.
 */
package org.sga.core.conversation;
