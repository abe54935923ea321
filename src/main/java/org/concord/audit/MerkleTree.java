package org.concord.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.concord.digest.Sha256;

/**
 * The Merkle tree hash of RFC 9162 section 2.1 over SHA-256: {@code leaf = SHA-256(0x00 || entry)},
 * {@code node = SHA-256(0x01 || left || right)}, the empty tree's hash is {@code SHA-256("")}. Functions over
 * lists of leaf hashes (index 0 first): the root, inclusion proofs (2.1.3) and consistency proofs (2.1.4), and the
 * verification algorithms a partner runs (2.1.3.2, 2.1.4.2). Computing a root or a proof from {@code n} leaf hashes
 * costs {@code n - 1} node hashes.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update((byte) 0x00);
        return sha256.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    public static byte[] emptyRoot() {
        return Sha256.digest().digest();
    }

    /** MTH(D[n]) of the leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        Frontier frontier = new Frontier();
        leafHashes.forEach(frontier::append);
        return frontier.root();
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of all {@code leafHashes}. */
    public static List<byte[]> inclusionProof(long index, List<byte[]> leafHashes) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size "
                    + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(index, leafHashes, path);
        return path;
    }

    private static void path(long m, List<byte[]> d, List<byte[]> out) {
        int n = d.size();
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, d.subList(0, k), out);
            out.add(subtreeRoot(d.subList(k, n)));
        } else {
            path(m - k, d.subList(k, n), out);
            out.add(subtreeRoot(d.subList(0, k)));
        }
    }

    /** PROOF(m, D[n]): that the tree of the first {@code oldSize} leaves is a prefix of the tree of all of them. */
    public static List<byte[]> consistencyProof(long oldSize, List<byte[]> leafHashes) {
        if (oldSize < 0 || oldSize > leafHashes.size()) {
            throw new IllegalArgumentException("old tree size " + oldSize + " is outside 0.." + leafHashes.size());
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < leafHashes.size()) {
            subproof(oldSize, leafHashes, true, proof);
        }
        return proof;
    }

    private static void subproof(long m, List<byte[]> d, boolean b, List<byte[]> out) {
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(subtreeRoot(d));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, d.subList(0, k), b, out);
            out.add(subtreeRoot(d.subList(k, n)));
        } else {
            subproof(m - k, d.subList(k, n), false, out);
            out.add(subtreeRoot(d.subList(0, k)));
        }
    }

    private static byte[] subtreeRoot(List<byte[]> leafHashes) {
        return root(leafHashes);
    }

    /** The largest power of two smaller than {@code n} (n &gt; 1). */
    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** RFC 9162 2.1.3.2: whether {@code auditPath} proves leaf {@code index} of the tree {@code (treeSize, root)}. */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> auditPath,
                                          byte[] root) {
        if (index < 0 || index >= treeSize || !allHashes(auditPath) || leafHash.length != HASH_BYTES) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: whether {@code proof} shows the tree {@code (newSize, newRoot)} extends
     * {@code (oldSize, oldRoot)}. Equal sizes need equal roots and an empty proof; an empty old tree is a prefix of
     * every tree.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize || !allHashes(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    private static boolean allHashes(List<byte[]> hashes) {
        return hashes.stream().allMatch(h -> h.length == HASH_BYTES);
    }

    /**
     * The right edge of a growing tree (the "compact range" [0, n)): the roots of its perfect subtrees, largest
     * first, one per set bit of n. Appending a leaf costs at most log2(n) node hashes, the root at most log2(n) more,
     * without the leaves. Not thread-safe.
     */
    public static final class Frontier {

        private final List<byte[]> subtreeRoots = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] carry = leafHash;
            for (long s = size; (s & 1) == 1; s >>= 1) {
                carry = nodeHash(subtreeRoots.remove(subtreeRoots.size() - 1), carry);
            }
            subtreeRoots.add(carry);
            size++;
        }

        public long size() {
            return size;
        }

        /** MTH of the leaves appended so far: the perfect subtrees folded right to left. */
        public byte[] root() {
            if (subtreeRoots.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = subtreeRoots.get(subtreeRoots.size() - 1);
            for (int i = subtreeRoots.size() - 2; i >= 0; i--) {
                root = nodeHash(subtreeRoots.get(i), root);
            }
            return root;
        }
    }
}
