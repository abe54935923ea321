package org.concord.cyber;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a STIX object as a TAXII collection holds it: its id, type and {@code spec_version}, when it was created
 * and this version made ({@code modified}, or {@code created} for objects that are not versioned), whether it revokes
 * the object, the collection and when it was added to it here, the space object it names (the
 * {@code x-concord-space-object} extension), the objects a relationship or sighting joins, and the object's JSON as
 * received. A <em>withdrawal</em> ({@code deletedAt} present) is no STIX object: it says that its originator deleted
 * this version at that instant, and deletes partners' copies when it reaches them (never served over TAXII).
 */
public record StixObject(String stixId, String type, String specVersion, Instant created, Instant version,
                         boolean revoked, String collectionId, Instant dateAdded, Optional<Long> noradId,
                         Optional<String> sourceRef, Optional<String> targetRef, String json,
                         Optional<Instant> deletedAt) {

    /** A version as stored: no withdrawal. */
    public StixObject(String stixId, String type, String specVersion, Instant created, Instant version,
                      boolean revoked, String collectionId, Instant dateAdded, Optional<Long> noradId,
                      Optional<String> sourceRef, Optional<String> targetRef, String json) {
        this(stixId, type, specVersion, created, version, revoked, collectionId, dateAdded, noradId, sourceRef,
                targetRef, json, Optional.empty());
    }

    /** The withdrawal of this version, deleted by its originator at {@code deletedAt}. */
    public StixObject withdrawal(Instant deletedAt) {
        String note = "{\"id\":\"" + stixId + "\",\"version\":\"" + Timestamps.format(version)
                + "\",\"deleted_at\":\"" + Timestamps.format(deletedAt) + "\"}";
        return new StixObject(stixId, type, specVersion, created, version, revoked, collectionId, deletedAt,
                Optional.empty(), Optional.empty(), Optional.empty(), note, Optional.of(deletedAt));
    }

    public boolean isWithdrawal() {
        return deletedAt.isPresent();
    }

    /** The media type of this object's STIX version, as TAXII manifests name it. */
    public String mediaType() {
        return "application/stix+json;version=" + specVersion;
    }
}
