package org.concord.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.concord.digest.Sha256;

/**
 * The node's Ed25519 key pair (the JDK's EdDSA), generated on first use and kept in the data directory as PEM text:
 * {@value #PRIVATE_KEY_FILE} (PKCS#8, owner read/write only where the file system has POSIX permissions) and
 * {@value #PUBLIC_KEY_FILE} (X.509 SubjectPublicKeyInfo). It signs the audit log's checkpoints and will identify the
 * node to its federation partners.
 */
public final class NodeIdentity {

    public static final String PRIVATE_KEY_FILE = "node-key.pem";
    public static final String PUBLIC_KEY_FILE = "node-key.pub.pem";
    static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private NodeIdentity(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair of the node whose data lives in {@code dataDirectory}, generated and stored when there is none. */
    public static NodeIdentity loadOrCreate(Path dataDirectory) {
        Path privateFile = dataDirectory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dataDirectory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                create(privateFile, publicFile);
            }
            return load(privateFile, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("node key in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A key pair only in memory: for tests and for tools that must not touch a data directory. */
    public static NodeIdentity generateEphemeral() {
        KeyPair pair = generator().generateKeyPair();
        return new NodeIdentity(pair.getPrivate(), pair.getPublic());
    }

    private static void create(Path privateFile, Path publicFile) throws IOException {
        KeyPair pair = generator().generateKeyPair();
        Path directory = privateFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path privateTemp = ownerOnlyTempFile(directory);
        Path publicTemp = Files.createTempFile(directory, ".node-key", ".tmp");
        try {
            Files.writeString(privateTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicTemp, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            try {
                // The private key appears whole or not at all, and only once: of two processes starting together,
                // one wins here and the other loads the winner's pair.
                Files.move(privateTemp, privateFile);
            } catch (FileAlreadyExistsException raced) {
                return;
            }
            Files.move(publicTemp, publicFile, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(privateTemp);
            Files.deleteIfExists(publicTemp);
        }
    }

    private static Path ownerOnlyTempFile(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, ".node-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(directory, ".node-key", ".tmp");
    }

    private static NodeIdentity load(Path privateFile, Path publicFile) throws IOException {
        for (int waited = 0; !Files.exists(publicFile) && waited < 20; waited++) {
            sleepWhileAnotherProcessWritesThePublicKey();
        }
        if (!Files.exists(publicFile)) {
            throw new IllegalStateException("the node key " + privateFile + " has no public key file " + publicFile);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    pemBody("PRIVATE KEY", Files.readString(privateFile), privateFile.toString())));
            PublicKey publicKey = parsePublicKeyPem(Files.readString(publicFile));
            NodeIdentity identity = new NodeIdentity(privateKey, publicKey);
            byte[] probe = "concord node key pair check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(publicKey, probe, identity.sign(probe))) {
                throw new IllegalStateException(publicFile + " is not the public key of " + privateFile);
            }
            return identity;
        } catch (InvalidKeySpecException e) {
            throw new IllegalStateException(privateFile + " is not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    private static void sleepWhileAnotherProcessWritesThePublicKey() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the node's public key file", e);
        }
    }

    private static KeyPairGenerator generator() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    /** The Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the node key failed", e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s Ed25519 signature of {@code message}. */
    public static boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** SHA-256 of the encoded public key (SubjectPublicKeyInfo DER), lowercase hex. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    /** An Ed25519 public key from its PEM text. */
    public static PublicKey parsePublicKeyPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(pemBody("PUBLIC KEY", pem, "public key")));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("the PEM block is not an Ed25519 public key: give the node's public"
                    + " key as `concord node key` prints it (-----BEGIN PUBLIC KEY-----)", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String type, String pem, String what) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(what + " is not PEM text with " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": the PEM body is not base64", e);
        }
    }
}
