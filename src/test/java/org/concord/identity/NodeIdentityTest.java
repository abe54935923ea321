package org.concord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path dataDirectory;

    private static final byte[] MESSAGE = "tree 12 root abc".getBytes(StandardCharsets.UTF_8);

    @Test
    void theKeyIsGeneratedOnceKeptOwnerOnlyAndLoadedAfterwards() throws Exception {
        NodeIdentity first = NodeIdentity.loadOrCreate(dataDirectory);
        Path privateFile = dataDirectory.resolve(NodeIdentity.PRIVATE_KEY_FILE);
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(dataDirectory.resolve(NodeIdentity.PUBLIC_KEY_FILE)))
                .isEqualTo(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        if (Files.getFileStore(privateFile).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(privateFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        NodeIdentity again = NodeIdentity.loadOrCreate(dataDirectory);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(NodeIdentity.verify(first.publicKey(), MESSAGE, again.sign(MESSAGE))).isTrue();
    }

    @Test
    void theFingerprintIsTheSha256OfTheEncodedPublicKey() throws Exception {
        NodeIdentity identity = NodeIdentity.generateEphemeral();
        assertThat(identity.fingerprint()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(identity.publicKey().getEncoded()))).hasSize(64);
        assertThat(NodeIdentity.fingerprint(NodeIdentity.parsePublicKeyPem(identity.publicKeyPem())))
                .isEqualTo(identity.fingerprint());
    }

    @Test
    void aSignatureVerifiesOnlyWithItsKeyAndItsMessage() {
        NodeIdentity node = NodeIdentity.generateEphemeral();
        NodeIdentity other = NodeIdentity.generateEphemeral();
        byte[] signature = node.sign(MESSAGE);
        assertThat(signature).hasSize(64);
        assertThat(NodeIdentity.verify(node.publicKey(), MESSAGE, signature)).isTrue();
        assertThat(NodeIdentity.verify(other.publicKey(), MESSAGE, signature)).isFalse();
        byte[] changed = MESSAGE.clone();
        changed[0] ^= 1;
        assertThat(NodeIdentity.verify(node.publicKey(), changed, signature)).isFalse();
        assertThat(NodeIdentity.verify(node.publicKey(), MESSAGE, new byte[3])).isFalse();
    }

    @Test
    void aPublicKeyFileOfAnotherKeyIsRefused() throws Exception {
        NodeIdentity.loadOrCreate(dataDirectory);
        Files.writeString(dataDirectory.resolve(NodeIdentity.PUBLIC_KEY_FILE),
                NodeIdentity.generateEphemeral().publicKeyPem());
        assertThatThrownBy(() -> NodeIdentity.loadOrCreate(dataDirectory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the public key of");
        assertThatThrownBy(() -> NodeIdentity.parsePublicKeyPem("hello")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadKeyIsExplainedForPeopleNotForJava() {
        assertThatThrownBy(() -> NodeIdentity.parsePublicKeyPem("-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n"
                + "-----END PUBLIC KEY-----\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Ed25519 public key").message().doesNotContain("java.", "Exception");
    }
}
