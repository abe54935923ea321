package org.concord.cyber;

import java.util.Set;
import java.util.regex.Pattern;

import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * A TAXII collection this node serves, as configured ({@code taxii.collection.N.*}, docs/configuration.md): its API
 * root and id, its title and description, its community (who objects posted to it may reach at most: their
 * releasability is the community, narrowed by the object's own releasability marking), the parties that may read and
 * write it, and the TLP of objects that carry no TLP marking.
 */
public record CyberCollection(String apiRoot, String id, String title, String description, Releasability community,
                              Set<String> readers, Set<String> writers, Tlp defaultTlp) {

    private static final Pattern API_ROOT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public CyberCollection {
        if (!API_ROOT.matcher(apiRoot).matches()) {
            throw new IllegalArgumentException("api-root '" + apiRoot + "': 1 to 64 lower-case letters, digits, '-'"
                    + " or '_'");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "': 1 to 64 letters, digits or '-' (TAXII suggests a"
                    + " UUID)");
        }
        readers = Set.copyOf(readers);
        writers = Set.copyOf(writers);
    }

    public boolean canRead(String party) {
        return readers.contains(party);
    }

    public boolean canWrite(String party) {
        return writers.contains(party);
    }

    /** Whether this party may know the collection exists: it may read or write it. */
    public boolean knownTo(String party) {
        return canRead(party) || canWrite(party);
    }
}
