package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.label.Label;
import org.junit.jupiter.api.Test;

/** Pulling over HTTPS: a partner that trusts the node's certificate gets the feed, one that does not gets nothing. */
class FederationTlsTest extends PartnersTest {

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theFeedGoesOverHttpsOnlyToAPartnerThatTrustsTheCertificate() throws Exception {
        Path keyStore = root.resolve("gbr-https.p12");
        Path certificate = root.resolve("gbr.cer");
        Path trustStore = root.resolve("usa-trust.p12");
        keytool("-genkeypair", "-alias", "gbr", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=gbr.node",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "gbr", "-keystore", keyStore.toString(), "-storepass", "changeit", "-file",
                certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "gbr", "-file", certificate.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        int httpsPort = freePort();

        start(List.of("GBR", "USA", "AUS"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        gbr.stop();
        gbr.environment.putAll(Map.of("CONCORD_HTTPS_KEYSTORE", keyStore.toString(),
                "CONCORD_HTTPS_KEYSTORE_PASSWORD", "changeit", "CONCORD_HTTPS_HOST", "127.0.0.1",
                "CONCORD_HTTPS_PORT", Integer.toString(httpsPort)));
        gbr.start();
        usa.stop();
        usa.environment.putAll(Map.of("CONCORD_FEDERATION_TRUSTSTORE", trustStore.toString(),
                "CONCORD_FEDERATION_TRUSTSTORE_PASSWORD", "changeit"));
        usa.start();
        Set<String> sent = gbr.ingest("open.tle", Partners.tles().subList(0, 4), Label.publicFrom("GBR"));
        URI https = URI.create("https://127.0.0.1:" + httpsPort);
        for (Partners.Member m : List.of(usa, aus)) {
            m.node.federation().removePeer(m.peer("GBR").id(), TestNodes.TEST_ADMIN);
            m.node.federation().addPeer("GBR", gbr.node.identity().publicKeyPem(), https, TestNodes.TEST_ADMIN);
        }

        assertThat(usa.pullFrom("GBR").stored()).isEqualTo(4);
        assertThat(usa.hashes()).isEqualTo(sent);
        FeedPuller.SyncReport untrusted = aus.node.federation().pull(aus.peer("GBR"), 10);
        assertThat(untrusted.error()).isPresent();
        assertThat(untrusted.error().get()).contains("cannot pull from " + https);
        assertThat(aus.hashes()).isEmpty();
    }
}
