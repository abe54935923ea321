/**
 * The one place Concord computes SHA-256: content hashes of stored records, token hashes, key fingerprints and the
 * audit log's Merkle tree all go through {@link org.concord.digest.Sha256}.
 * <p>Depends on no other Concord package.
 */
package org.concord.digest;
