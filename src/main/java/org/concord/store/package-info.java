/**
 * Persistence in PostgreSQL or H2 (embedded) through jOOQ, with the schema applied by Flyway: the implementations of
 * the domain packages' store interfaces ({@code CatalogStore}, {@code ConjunctionStore}, {@code ScreeningRunStore},
 * {@code ProductStore}, {@code SharingStore}, {@code AuditStore}, {@code FederationStore}), with the label filter
 * applied in SQL.
 * <p>The public {@code Jooq*Store} classes are the implementations; the rest is package-private and shared by them:
 * {@code LabelConditions} (the label filter as SQL conditions), {@code LabelColumns} (a stored label read back),
 * {@code SqlValues} (instants as stored, the unique-violation test, small SQL helpers), {@code CatalogVersion} (the
 * version every change of what object reads show raises, and the writers' turn), {@code OrbitRows} and
 * {@code SatcatRows} (those rows written and read), {@code CatalogWriter} (ingest), {@code ObjectQueries} with
 * {@code ObjectPaging} and {@code HiddenNewest} (object reads through a filter), {@code RecordWithdrawals} (recall and
 * re-label), {@code LatestOrbits}, {@code LabelIds}, {@code RenderedQueries}, {@code PostgresCopy},
 * {@code BoundedCache}; for every product kind {@code ProductTable} (a kind's table as jOOQ sees it),
 * {@code ProductLinks} (derivation links: the visibility rule and the recall cascade), {@code ProductCursor} (keyset
 * paging) and {@code ProductFeed} (products in a federation feed).
 * <p>Depends on the domain packages whose interfaces it implements; only the composition root ({@code node}) depends
 * on it.
 */
package org.concord.store;
