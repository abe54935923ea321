/**
 * The node's append-only, verifiable audit log: events as canonical JSON leaves of an RFC 9162 Merkle tree, signed
 * checkpoints, inclusion and consistency proofs a partner checks offline, and the view of an entry one party may see
 * (docs/audit.md). Persistence is the {@code AuditStore} interface, implemented in {@code store}.
 * <p>Depends on {@code identity} (the key that signs checkpoints) and {@code digest}; never on the adapters, the store
 * or the composition root.
 */
package org.concord.audit;
