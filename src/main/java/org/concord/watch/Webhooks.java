package org.concord.watch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook addresses a node posts to. A node that posts wherever a user says can be made to reach its own
 * network's services, so: {@code https} only, to a host that resolves to public addresses only (not loopback,
 * private, link-local, multicast or unspecified), no user information, at most {@value #MAX_CHARACTERS} characters;
 * plain {@code http} only to a loopback address and only where {@code watch.webhook.allow-loopback-http} is set (tests,
 * a receiver on the node's own host). The address is checked when the watch is made and again before each attempt
 * (a name may resolve elsewhere later); redirects are never followed.
 */
public final class Webhooks {

    public static final int MAX_CHARACTERS = 2048;

    private Webhooks() {
    }

    /** The webhook {@code text} names, if this node may post to it; otherwise the reason, naming the field. */
    public static URI parse(String field, String text, boolean allowLoopbackHttp) {
        String given = text.strip();
        if (given.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException(field + ": the URL is " + given.length() + " characters; at most "
                    + MAX_CHARACTERS);
        }
        URI url;
        try {
            url = new URI(given);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": '" + abbreviate(given) + "' is not a URL: " + e.getReason());
        }
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(field + ": '" + abbreviate(given) + "' is not an https URL such as"
                    + " https://ops.example.org/concord");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + ": a webhook URL may not carry a user name or password");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException(field + ": a webhook URL has no fragment (#...)");
        }
        checkAddress(field, url, allowLoopbackHttp);
        return url;
    }

    /**
     * Refuses {@code url} unless its host resolves to addresses this node may post to now (see the class comment);
     * an unknown host is refused too.
     */
    public static void checkAddress(String field, URI url, boolean allowLoopbackHttp) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(field + ": the host " + url.getHost() + " is not known");
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            if (!https && !(loopback && allowLoopbackHttp)) {
                throw new IllegalArgumentException(field + ": only https webhooks are accepted (plain http only to"
                        + " a loopback address, where watch.webhook.allow-loopback-http=true)");
            }
            if (https && !loopback && !isPublic(address)) {
                throw new IllegalArgumentException(field + ": " + url.getHost() + " resolves to " + address
                        .getHostAddress() + ", not a public address: a webhook may not reach the node's own network");
            }
            if (https && loopback && !allowLoopbackHttp) {
                throw new IllegalArgumentException(field + ": " + url.getHost() + " is a loopback address, which a"
                        + " webhook may name only where watch.webhook.allow-loopback-http=true");
            }
        }
    }

    private static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
        return !(address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || uniqueLocalV6 || sharedV4);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
