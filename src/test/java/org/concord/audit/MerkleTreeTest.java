package org.concord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * RFC 9162 section 2.1 against the known answers of the Certificate Transparency reference test data
 * (transparency-dev/merkle, proof/verify_test.go: the same leaves, roots and proofs as
 * google/certificate-transparency), then every proof of every tree up to 64 leaves, and their corruptions.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight reference leaf inputs. */
    private static final List<byte[]> LEAVES = List.of(h(""), h("00"), h("10"), h("2021"), h("3031"), h("40414243"),
            h("5051525354555657"), h("606162636465666768696a6b6c6d6e6f"));

    /** The roots of the trees of the first 1..8 reference leaves. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private record Vector(int index, int size, List<String> path) {
    }

    /** Inclusion proofs of the reference data (its leaf numbers are 1-based; these indexes are 0-based). */
    private static final List<Vector> INCLUSION = List.of(
            new Vector(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Vector(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Vector(0, 1, List.of()));

    /** Consistency proofs of the reference data: (old size, new size, proof). */
    private static final List<Vector> CONSISTENCY = List.of(
            new Vector(1, 1, List.of()),
            new Vector(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Vector(6, 7, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private static byte[] h(String hex) {
        return HEX.parseHex(hex);
    }

    private static List<byte[]> leafHashes(List<byte[]> inputs) {
        return inputs.stream().map(MerkleTree::leafHash).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void rootsAreTheReferenceRoots() {
        assertThat(HEX.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        List<byte[]> leaves = leafHashes(LEAVES);
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves.subList(0, n)))).as("root of %d leaves", n)
                    .isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void theFrontierGivesTheSameRootAtEverySize() {
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        List<byte[]> leaves = leafHashes(LEAVES);
        for (int n = 1; n <= 8; n++) {
            frontier.append(leaves.get(n - 1));
            assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS.get(n - 1));
        }
        List<byte[]> many = manyLeaves(100);
        MerkleTree.Frontier large = new MerkleTree.Frontier();
        for (int n = 1; n <= many.size(); n++) {
            large.append(many.get(n - 1));
            assertThat(large.root()).as("size %d", n).isEqualTo(MerkleTree.root(many.subList(0, n)));
        }
    }

    @Test
    void inclusionProofsAreTheReferenceProofsAndVerify() {
        List<byte[]> leaves = leafHashes(LEAVES);
        for (Vector v : INCLUSION) {
            List<byte[]> tree = leaves.subList(0, v.size());
            assertThat(hex(MerkleTree.inclusionProof(v.index(), tree))).as("PATH(%d, D[%d])", v.index(), v.size())
                    .isEqualTo(v.path());
            assertThat(MerkleTree.verifyInclusion(v.index(), v.size(), leaves.get(v.index()),
                    v.path().stream().map(MerkleTreeTest::h).toList(), h(ROOTS.get(v.size() - 1)))).isTrue();
        }
    }

    @Test
    void consistencyProofsAreTheReferenceProofsAndVerify() {
        List<byte[]> leaves = leafHashes(LEAVES);
        for (Vector v : CONSISTENCY) {
            int oldSize = v.index();
            assertThat(hex(MerkleTree.consistencyProof(oldSize, leaves.subList(0, v.size()))))
                    .as("PROOF(%d, D[%d])", oldSize, v.size()).isEqualTo(v.path());
            assertThat(MerkleTree.verifyConsistency(oldSize, v.size(), h(ROOTS.get(oldSize - 1)),
                    h(ROOTS.get(v.size() - 1)), v.path().stream().map(MerkleTreeTest::h).toList())).isTrue();
        }
    }

    @Test
    void everyInclusionProofUpTo64LeavesVerifiesAndFailsWhenAnyByteIsFlipped() {
        List<byte[]> all = manyLeaves(64);
        for (int size = 1; size <= 64; size++) {
            List<byte[]> tree = all.subList(0, size);
            byte[] root = MerkleTree.root(tree);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(index, tree);
                byte[] leaf = tree.get(index);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, path, root)).as("%d of %d", index, size)
                        .isTrue();
                for (int p = 0; p < path.size(); p++) {
                    for (int b = 0; b < MerkleTree.HASH_BYTES; b++) {
                        assertThat(MerkleTree.verifyInclusion(index, size, leaf, flipped(path, p, b), root))
                                .as("%d of %d, path[%d] byte %d flipped", index, size, p, b).isFalse();
                    }
                }
                for (int b = 0; b < MerkleTree.HASH_BYTES; b++) {
                    assertThat(MerkleTree.verifyInclusion(index, size, flip(leaf, b), path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, path, flip(root, b))).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(index + 1, size, leaf, path, root)).isFalse();
                if (!path.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1), root))
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, longer, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo64LeavesVerifiesAndFailsWhenAnyByteIsFlipped() {
        List<byte[]> all = manyLeaves(64);
        for (int newSize = 1; newSize <= 64; newSize++) {
            List<byte[]> tree = all.subList(0, newSize);
            byte[] newRoot = MerkleTree.root(tree);
            for (int oldSize = 0; oldSize <= newSize; oldSize++) {
                byte[] oldRoot = MerkleTree.root(tree.subList(0, oldSize));
                List<byte[]> proof = MerkleTree.consistencyProof(oldSize, tree);
                assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof))
                        .as("%d -> %d", oldSize, newSize).isTrue();
                if (oldSize == 0) {
                    continue; // the empty tree is a prefix of every tree: nothing to corrupt
                }
                for (int p = 0; p < proof.size(); p++) {
                    for (int b = 0; b < MerkleTree.HASH_BYTES; b++) {
                        assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot,
                                flipped(proof, p, b))).as("%d -> %d, proof[%d] byte %d", oldSize, newSize, p, b)
                                .isFalse();
                    }
                }
                for (int b = 0; b < MerkleTree.HASH_BYTES; b++) {
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize, flip(oldRoot, b), newRoot, proof))
                            .isFalse();
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, flip(newRoot, b), proof))
                            .isFalse();
                }
                if (oldSize < newSize) {
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot, List.of())).isFalse();
                }
            }
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        List<byte[]> tree = manyLeaves(5);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(5, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(6, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(0, 0, tree.get(0), List.of(), MerkleTree.emptyRoot())).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 2, MerkleTree.root(tree.subList(0, 3)),
                MerkleTree.root(tree.subList(0, 2)), List.of())).isFalse();
    }

    private static List<byte[]> manyLeaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        return leaves;
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int which, int byteIndex) {
        List<byte[]> copy = new ArrayList<>(hashes);
        copy.set(which, flip(hashes.get(which), byteIndex));
        return copy;
    }

    private static byte[] flip(byte[] hash, int byteIndex) {
        byte[] copy = hash.clone();
        copy[byteIndex] ^= 0x01;
        return copy;
    }
}
