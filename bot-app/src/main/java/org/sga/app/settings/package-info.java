/**
 * The settings the bot and its command-line tools share, bound once from properties and the environment with Spring
 * Boot's relaxed binding ({@code sga.content.dir} is also {@code SGA_CONTENT_DIR}), and passed to what needs them.
 */
package org.sga.app.settings;
