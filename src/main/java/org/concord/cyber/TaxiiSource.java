package org.concord.cyber;

import java.net.URI;

/**
 * A collection of another TAXII 2.1 server this node pulls ({@code taxii.pull.N.*}, docs/cyber.md): the URL of its
 * objects resource, the token sent as a bearer token, the collection here that receives its objects, and the party
 * recorded as their originator (the source's).
 */
public record TaxiiSource(String name, URI objectsUrl, String token, String collectionId, String originator) {

    public TaxiiSource {
        String scheme = objectsUrl.getScheme();
        if (objectsUrl.toString().length() > TaxiiSettings.MAX_URL_CHARS) {
            throw new IllegalArgumentException("url is " + objectsUrl.toString().length() + " characters long;"
                    + " expected at most " + TaxiiSettings.MAX_URL_CHARS);
        }
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("url '" + objectsUrl + "' is not an http(s) URL of a collection's"
                    + " objects");
        }
    }

    @Override
    public String toString() {
        return name + " (" + objectsUrl + ")"; // never the token
    }
}
