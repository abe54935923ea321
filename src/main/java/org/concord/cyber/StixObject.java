package org.concord.cyber;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a STIX object as a TAXII collection holds it: its id, type and {@code spec_version}, when it was created
 * and this version made ({@code modified}, or {@code created} for objects that are not versioned), whether it revokes
 * the object, the collection and when it was added to it here, the space object it names (the
 * {@code x-concord-space-object} extension), the objects a relationship or sighting joins, and the object's JSON as
 * received.
 */
public record StixObject(String stixId, String type, String specVersion, Instant created, Instant version,
                         boolean revoked, String collectionId, Instant dateAdded, Optional<Long> noradId,
                         Optional<String> sourceRef, Optional<String> targetRef, String json) {

    /** The media type of this object's STIX version, as TAXII manifests name it. */
    public String mediaType() {
        return "application/stix+json;version=" + specVersion;
    }
}
