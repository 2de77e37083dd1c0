/**
 * The relational store behind the core's storage ports: JDBC with Flyway migrations that run unchanged on
 * the embedded H2 file database and on PostgreSQL. {@link org.sga.app.store.StoreFactory} opens it from a
 * {@code DataSource} without Spring, for command-line tools; {@link org.sga.app.store.StoreConfiguration}
 * exposes the same objects as beans.
 */
package org.sga.app.store;
