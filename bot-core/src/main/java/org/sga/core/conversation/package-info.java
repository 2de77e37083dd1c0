<<<<<<< HEAD
/** The core's single entry point: an inbound message in, a platform-neutral reply out, with per-user state. */
=======
/**
 * Conversations: the entry point from an inbound message to a reply, and the per-conversation state
 * and event de-duplication it keeps between messages, so that any instance can take the next message.
 */
>>>>>>> store
package org.sga.core.conversation;
