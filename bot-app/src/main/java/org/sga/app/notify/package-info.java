/**
 * Notifiers of the application that belong to no chat platform: the console, for console mode and for
 * the built-in routing that sends everything there.
 */
package org.sga.app.notify;
