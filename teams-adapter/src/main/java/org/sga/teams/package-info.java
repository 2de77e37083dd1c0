/** Microsoft Teams adapter (Bot Framework): translates activities into core messages and replies into Adaptive Cards. */
package org.sga.teams;
