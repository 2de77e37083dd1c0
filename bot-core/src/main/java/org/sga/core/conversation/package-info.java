/** The core's single entry point: an inbound message in, a platform-neutral reply out, with per-user state. */
package org.sga.core.conversation;
