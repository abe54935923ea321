/**
 * Persistence in PostgreSQL or H2 (embedded) through jOOQ, with the schema applied by Flyway: the implementations of
 * the domain packages' store interfaces ({@code CatalogStore}, {@code ConjunctionStore}, {@code SharingStore},
 * {@code AuditStore}, {@code FederationStore}), with the label filter applied in SQL.
 * <p>Depends on the domain packages whose interfaces it implements; only the composition root ({@code node}) depends
 * on it.
 */
package org.concord.store;
