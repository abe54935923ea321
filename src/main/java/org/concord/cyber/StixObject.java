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
 * {@code postedAt} is when its originator added this version to its collection (it travels with the version; empty
 * when a partner of an older version sent none), {@code receivedFrom} the peer (its ingester name) that delivered this
 * node's copy, empty for a version posted or pulled here (it does not travel). {@code groundStation} is the ground
 * station an infrastructure names with the {@code x-concord-ground-station} extension (its {@code station_id}).
 */
public record StixObject(String stixId, String type, String specVersion, Instant created, Instant version,
                         boolean revoked, String collectionId, Instant dateAdded, Optional<Long> noradId,
                         Optional<String> sourceRef, Optional<String> targetRef, String json,
                         Optional<Instant> deletedAt, Optional<Instant> postedAt, Optional<String> receivedFrom,
                         Optional<String> groundStation) {

    /** A version posted here: no withdrawal, posted when it was added, delivered by no peer, naming no station. */
    public StixObject(String stixId, String type, String specVersion, Instant created, Instant version,
                      boolean revoked, String collectionId, Instant dateAdded, Optional<Long> noradId,
                      Optional<String> sourceRef, Optional<String> targetRef, String json) {
        this(stixId, type, specVersion, created, version, revoked, collectionId, dateAdded, noradId, sourceRef,
                targetRef, json, Optional.empty(), Optional.of(dateAdded), Optional.empty(), Optional.empty());
    }

    /** The withdrawal of this version, deleted by its originator at {@code deletedAt}. */
    public StixObject withdrawal(Instant deletedAt) {
        String note = "{\"id\":\"" + stixId + "\",\"version\":\"" + Timestamps.format(version)
                + "\",\"deleted_at\":\"" + Timestamps.format(deletedAt) + "\"}";
        return new StixObject(stixId, type, specVersion, created, version, revoked, collectionId, deletedAt,
                Optional.empty(), Optional.empty(), Optional.empty(), note, Optional.of(deletedAt), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** This version as delivered by a peer (its ingester name). */
    public StixObject receivedFrom(String peer) {
        return new StixObject(stixId, type, specVersion, created, version, revoked, collectionId, dateAdded, noradId,
                sourceRef, targetRef, json, deletedAt, postedAt, Optional.of(peer), groundStation);
    }

    public boolean isWithdrawal() {
        return deletedAt.isPresent();
    }

    /** The media type of this object's STIX version, as TAXII manifests name it. */
    public String mediaType() {
        return "application/stix+json;version=" + specVersion;
    }
}
