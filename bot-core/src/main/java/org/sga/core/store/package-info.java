/**
 * The transaction boundary shared by the storage ports: work that must land together, or not at all.
 */
package org.sga.core.store;
