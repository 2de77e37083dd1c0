/** The Spring Boot application: wiring of the core, settings, and the choice of console or platform adapters. */
package org.sga.app;
