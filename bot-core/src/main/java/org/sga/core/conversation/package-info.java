/**
 * Conversations: the core's single entry point from an inbound message to a platform-neutral reply, and the
 * per-conversation state and event de-duplication it keeps between messages, so any instance can take the next one.
 */
package org.sga.core.conversation;
