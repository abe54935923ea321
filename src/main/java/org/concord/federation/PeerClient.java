package org.concord.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.concord.identity.NodeIdentity;

/**
 * This node as a client of its peers: the one HTTP client of federation, the paths of a node's federation routes,
 * and the node-signed requests to them.
 */
public final class PeerClient {

    public static final String FEED_PATH = "/api/v1/federation/bundles";
    public static final String NOTIFY_PATH = "/api/v1/federation/notify";

    private final NodeIdentity identity;
    private final Clock clock;
    private final HttpClient http;

    PeerClient(NodeIdentity identity, Clock clock, Optional<SSLContext> trust) {
        this.identity = identity;
        this.clock = clock;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        trust.ifPresent(client::sslContext);
        this.http = client.build();
    }

    /**
     * The signed bundle that follows bundle {@code after} of the peer's feed to this node, or nothing when the peer
     * has no more.
     */
    Optional<SignedBundle> nextBundle(Peer peer, long after) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(peer, "GET", FEED_PATH + "?after=" + after,
                HttpRequest.BodyPublishers.noBody());
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("peer " + peer.party() + " answered " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        String signature = response.headers().firstValue(NodeRequest.BUNDLE_SIGNATURE_HEADER)
                .orElseThrow(() -> new BundleRejectedException("the answer carries no "
                        + NodeRequest.BUNDLE_SIGNATURE_HEADER + " header"));
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException("the bundle signature is not base64");
        }
        return Optional.of(new SignedBundle(response.body(), signatureBytes));
    }

    /** Tells the peer that this node has new data for it. */
    void announceNewData(Peer peer) throws IOException, InterruptedException {
        send(peer, "POST", NOTIFY_PATH, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<byte[]> send(Peer peer, String method, String pathAndQuery,
                                      HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        NodeRequest request = new NodeRequest(method, pathAndQuery, identity.fingerprint(), peer.fingerprint(),
                clock.instant());
        String base = peer.endpoint().toString().replaceAll("/+$", "");
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header(NodeRequest.NODE_HEADER, request.senderNode())
                .header(NodeRequest.TIME_HEADER, request.time().toString())
                .header(NodeRequest.SIGNATURE_HEADER, request.sign(identity))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
