/**
 * The composition root: a node's configuration, its data directory and embedded database, and the stores and services
 * built from them. The only package besides {@code store} that knows {@code store}.
 * <p>May depend on {@code store} and every domain package; only the adapters ({@code http}, {@code cli}) depend on it.
 */
package org.concord.node;
