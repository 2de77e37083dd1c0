/**
 * Small rules every value of the core follows: the argument checks records make (limits match the storage columns)
 * and how a text is written as a JSON string, for audit payloads and the tools' output alike.
 */
package org.sga.core.values;
