/**
 * The node's identity: its Ed25519 key pair, kept in the data directory, with which it signs audit checkpoints,
 * bundles and requests to its peers.
 * <p>Depends on {@code digest} only.
 */
package org.concord.identity;
