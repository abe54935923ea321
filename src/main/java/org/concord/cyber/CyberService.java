package org.concord.cyber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductService;

/**
 * The node's STIX objects as TAXII serves them: envelopes posted to a collection are checked object by object
 * ({@link StixValidator}), labelled ({@link StixMarkings#label}) and stored as products of {@link CyberKind} with their
 * audit entry in one unit; queries, deletions and the status of each post. Each version stored gets a date added that
 * no earlier one has (posts take turns), so a client that asks for what was added after the last date it saw misses
 * nothing. Status resources are stored (kept for the configured retention, {@code taxii.status-retention}); a deletion
 * travels to partners as withdrawals.
 */
public final class CyberService {

    /** The Concord property extension {@code x-concord-space-object}: {@code norad_id} and {@code cospar_id}. */
    public static final String SPACE_OBJECT_EXTENSION = "extension-definition--f9ee5e56-a6b2-4043-a12a-8e37cdadfd92";
    /** The Concord property extension {@code x-concord-ground-station}: {@code station_id} (docs/cyber.md). */
    public static final String GROUND_STATION_EXTENSION =
            "extension-definition--7c3b1e0a-5d2f-4e8b-9a61-3f0c2d4e8b17";
    private static final java.util.regex.Pattern STATION_ID = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Who posts or deletes: the user's name for the audit log and the party that originates what is posted. */
    public record Actor(String name, String party) {
    }

    /** What a deletion did: versions deleted, and versions found that another party originated (not deleted). */
    public record Deletion(int deleted, int ofOtherParties) {
    }

    private final ProductService products;
    private final CyberStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<CyberCollection> collections;
    /** How long a status resource is kept after its post, for its poster to read (docs/cyber.md). */
    private final Duration statusRetention;
    private final StixValidator validator = new StixValidator();
    private Instant lastAdded = Instant.EPOCH;

    public CyberService(ProductService products, CyberStore store, AuditLog audit, Clock clock,
                        List<CyberCollection> collections, Duration statusRetention) {
        if (statusRetention.isNegative() || statusRetention.isZero()) {
            throw new IllegalArgumentException("a status retention must be positive, not " + statusRetention);
        }
        this.statusRetention = statusRetention;
        this.products = products;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.collections = List.copyOf(collections);
        Set<String> ids = new HashSet<>();
        for (CyberCollection c : collections) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("TAXII collection " + c.id() + " is configured twice");
            }
        }
    }

    public List<CyberCollection> collections() {
        return collections;
    }

    /** The API roots of the configured collections, in the order first configured. */
    public List<String> apiRoots() {
        return collections.stream().map(CyberCollection::apiRoot).distinct().toList();
    }

    public Optional<CyberCollection> collection(String apiRoot, String id) {
        return collections.stream().filter(c -> c.apiRoot().equals(apiRoot) && c.id().equals(id)).findFirst();
    }

    /**
     * Adds the objects of an envelope to a collection as {@code actor}'s party: each valid object is stored (a version
     * already held counts as a success), each invalid one is refused with its reasons; the stored ones and their audit
     * entry are one unit. {@code readable} is what the actor may see: references may name those stored objects.
     */
    public TaxiiStatus add(CyberCollection collection, List<JsonNode> objects, Actor actor, LabelFilter readable) {
        return add(collection, objects, actor, readable, Map.of());
    }

    /**
     * As {@link #add(CyberCollection, List, Actor, LabelFilter)}, with the date each object was added where a TAXII
     * server's data gives it (by id and version): an import keeps the dates its source had.
     */
    public synchronized TaxiiStatus add(CyberCollection collection, List<JsonNode> objects, Actor actor,
                                        LabelFilter readable, Map<String, Instant> datesAdded) {
        Instant requested = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        Set<String> inEnvelope = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        Set<String> acsMarkings = new HashSet<>();
        for (JsonNode o : objects) {
            StixValidator.idOf(o).ifPresent(inEnvelope::add);
            if (StixValidator.isAcsMarking(o)) {
                StixValidator.idOf(o).ifPresent(acsMarkings::add);
            }
            StixMarkings.markingRefs(o).forEach(referenced::add);
            o.fields().forEachRemaining(f -> {
                if (f.getKey().endsWith("_ref") && f.getValue().isTextual()) {
                    referenced.add(f.getValue().asText());
                } else if (f.getKey().endsWith("_refs")) {
                    f.getValue().forEach(r -> referenced.add(r.asText()));
                }
            });
        }
        referenced.removeAll(inEnvelope);
        Set<String> stored = referenced.isEmpty() ? Set.of() : store.existing(referenced, readable);
        List<TaxiiStatus.Outcome> successes = new ArrayList<>();
        List<TaxiiStatus.Outcome> failures = new ArrayList<>();
        List<Product<StixObject>> toStore = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String place = "objects[" + i + "]";
            List<StixProblem> problems = new ArrayList<>(validator.check(o, place,
                    id -> inEnvelope.contains(id) || stored.contains(id)));
            problems.addAll(StixValidator.acsReferences(o, StixValidator.idOf(o).orElse(place), acsMarkings));
            Optional<String> version = version(o);
            if (problems.isEmpty()) {
                try {
                    StixObject value = value(o, collection.id(), nextDateAdded(requested, datesAdded, o));
                    Label label = StixMarkings.label(o, collection, actor.party());
                    toStore.add(Product.of(value, label, List.of()).withKey(CyberKind.key(value)));
                    successes.add(new TaxiiStatus.Outcome(value.stixId(), Optional.of(Timestamps.format(
                            value.version())), "added to collection " + collection.id()));
                    continue;
                } catch (IllegalArgumentException e) {
                    problems.add(new StixProblem(StixValidator.idOf(o).orElse(place), "extensions", e.getMessage()));
                }
            }
            failures.add(new TaxiiStatus.Outcome(StixValidator.idOf(o).orElse(place), version,
                    String.join("; ", problems.stream().map(p -> p.property() + ": " + p.reason()).toList())));
        }
        TaxiiStatus status = new TaxiiStatus(UUID.randomUUID().toString(), actor.party(), requested, successes,
                failures);
        audit.recordedChange(() -> {
            List<Product<StixObject>> added = products.store(CyberKind.INSTANCE, toStore, actor.party());
            audit.append(AuditEvent.of(clock.instant(), actor.name(), Optional.of(actor.party()), AuditAction.INGEST,
                    "taxii collection " + collection.apiRoot() + "/" + collection.id(), List.of(actor.party()),
                    added.size() + " STIX object versions stored, " + (successes.size() - added.size())
                            + " already held, " + failures.size() + " refused; status " + status.id()));
            store.saveStatus(status, requested.minus(statusRetention));
            return added;
        });
        return status;
    }

    /** The status of a post, for the party that made it, within the status retention of the post. */
    public Optional<TaxiiStatus> status(String id, String party) {
        return store.status(id).filter(s -> s.party().equals(party))
                .filter(s -> !s.requestTimestamp().isBefore(clock.instant().minus(statusRetention)));
    }

    public TaxiiPage find(TaxiiQuery query, LabelFilter filter) {
        return store.find(query, filter);
    }

    /**
     * Deletes the versions of an object in a collection that the query selects, among those {@code readable} admits;
     * only versions {@code actor}'s party originated are deleted. Each deleted version leaves its withdrawal, with its
     * label, which the feed takes to the partners that version went to ({@link #arrived}). Audited with the
     * deletion, as one unit.
     */
    public Deletion delete(TaxiiQuery query, Actor actor, LabelFilter readable) {
        List<Product<StixObject>> found = new ArrayList<>();
        TaxiiPage page = store.find(query, readable);
        found.addAll(page.items());
        while (page.more()) {
            page = store.find(new TaxiiQuery(query.collectionId(), query.addedAfter(), query.ids(), query.types(),
                    query.versions(), query.specVersions(), query.limit(), page.next()), readable);
            found.addAll(page.items());
        }
        List<Product<StixObject>> own = found.stream()
                .filter(p -> p.label().originator().equals(actor.party())).toList();
        int others = found.size() - own.size();
        if (own.isEmpty()) {
            return new Deletion(0, others);
        }
        int deleted = audit.recordedChange(() -> {
            Instant now = clock.instant();
            int n = store.delete(own.stream().map(Product::id).toList());
            products.store(CyberKind.INSTANCE, own.stream().map(p -> {
                StixObject withdrawal = p.value().withdrawal(now);
                return Product.of(withdrawal, p.label(), List.<ProductInput>of()).withKey(CyberKind.key(withdrawal));
            }).toList(), actor.party());
            audit.append(AuditEvent.of(now, actor.name(), Optional.of(actor.party()), AuditAction.RECALL,
                    "taxii collection " + query.collectionId() + " object " + String.join(",", query.ids()),
                    List.of(actor.party()), n + " STIX object versions deleted; partners' copies with the next sync"));
            return n;
        });
        return new Deletion(deleted, others);
    }

    /**
     * Whether this node takes a version or withdrawal that {@code peer} (its party and ingester name) just sent, before
     * it is stored; the value to store when it does: a version then records the peer that delivered it.
     * <ul>
     * <li>A withdrawal is taken from the version's originator, or from the peer that delivered this node's copy of it
     * (a relay of what the originator deleted), or when it is already stored (the same withdrawal by another path).
     * From anybody else, a third node could delete another party's object: refused, and nothing is withdrawn.</li>
     * <li>A version this node holds a withdrawal of (from the same originator) is taken again only from the originator
     * (whose feed no longer holds a version it deleted, so what it sends is posted again) or when the originator
     * posted it after the withdrawal ({@code postedAt}): a stale copy a third node relays later is refused, and the
     * withdrawn version does not come back.</li>
     * </ul>
     *
     * @throws IllegalArgumentException why it is refused (the bundle's other products are stored)
     */
    public StixObject arriving(StixObject o, String originator, String peerParty, String peerIngester) {
        String what = o.stixId() + " version " + Timestamps.format(o.version()) + " of " + originator + " in"
                + " collection " + o.collectionId();
        if (o.isWithdrawal()) {
            if (originator.equals(peerParty)
                    || products.store().idOf(CyberKind.INSTANCE, CyberKind.key(o), originator).isPresent()) {
                return o;
            }
            List<CyberStore.Copy> copies = store.versionsOf(o.collectionId(), o.stixId(), o.version(), originator);
            if (!copies.isEmpty() && copies.stream().allMatch(c -> c.receivedFrom().equals(Optional.of(
                    peerIngester)))) {
                return o;
            }
            throw new IllegalArgumentException("the withdrawal of " + what + " comes from " + peerParty
                    + ", which neither originated it nor delivered this node's copy: refused, nothing withdrawn");
        }
        if (!originator.equals(peerParty)) {
            Optional<Instant> withdrawn = store.withdrawnAt(o.collectionId(), o.stixId(), o.version(), originator);
            if (withdrawn.isPresent() && o.postedAt().map(p -> !p.isAfter(withdrawn.get())).orElse(true)) {
                throw new IllegalArgumentException(what + " was withdrawn by its originator at "
                        + Timestamps.format(withdrawn.get()) + "; the copy " + peerParty + " relays was posted "
                        + o.postedAt().map(p -> "at " + Timestamps.format(p)).orElse("at a time it does not say")
                        + ", not after: not taken again");
            }
        }
        return o.receivedFrom(peerIngester);
    }

    /**
     * Applies the withdrawals among products just received from a partner ({@code peer}, in the receipt's unit), each
     * taken by {@link #arriving}: each deletes this node's copy of the version it names, of the same originator.
     * Audited when any was held.
     */
    public void arrived(List<? extends Product<?>> received, String peer) {
        List<Long> held = new ArrayList<>();
        Set<String> originators = new TreeSet<>();
        for (Product<?> p : received) {
            if (p.value() instanceof StixObject o && o.isWithdrawal()) {
                List<CyberStore.Copy> versions = store.versionsOf(o.collectionId(), o.stixId(), o.version(),
                        p.label().originator());
                versions.forEach(c -> held.add(c.id()));
                if (!versions.isEmpty()) {
                    originators.add(p.label().originator());
                }
            }
        }
        if (held.isEmpty()) {
            return;
        }
        int n = store.delete(held);
        audit.append(AuditEvent.of(clock.instant(), peer, Optional.empty(), AuditAction.RECALL,
                "taxii STIX object versions deleted by their originator", List.copyOf(originators),
                n + " STIX object versions withdrawn by " + String.join(",", originators)));
    }

    /** When this version of an object from this originator was last withdrawn here, if it was. */
    public Optional<Instant> withdrawnAt(String collectionId, String stixId, Instant version, String originator) {
        return store.withdrawnAt(collectionId, stixId, version, originator);
    }

    /** Where a TAXII source stands: the {@code added_after} of its next pull, unless it was never pulled (at its URL). */
    public Optional<Instant> pullPosition(TaxiiSource source) {
        return store.pullPosition(source.name(), source.objectsUrl());
    }

    public void pulledUpTo(TaxiiSource source, Instant addedAfter) {
        store.savePullPosition(source.name(), source.objectsUrl(), addedAfter);
    }

    public List<Product<StixObject>> linkedTo(long noradId, LabelFilter filter) {
        return store.linkedTo(noradId, filter);
    }

    /** The objects linked to a ground station, as {@link #linkedTo} for a space object. */
    public List<Product<StixObject>> linkedToGroundStation(String stationId, LabelFilter filter) {
        if (!STATION_ID.matcher(stationId).matches()) {
            throw new IllegalArgumentException("a ground station id is 1 to 64 letters, digits, '.', '_' or '-'"
                    + " (starting with a letter or digit), not '" + stationId + "'");
        }
        return store.linkedToGroundStation(stationId, filter);
    }

    /** A date added later than every earlier one: the source's for an import, else now (to the microsecond). */
    private Instant nextDateAdded(Instant now, Map<String, Instant> datesAdded, JsonNode o) {
        Optional<Instant> given = Optional.ofNullable(datesAdded.get(StixValidator.idOf(o).orElse("") + "|"
                + version(o).orElse("")));
        if (given.isPresent()) {
            return given.get();
        }
        Instant next = now.truncatedTo(ChronoUnit.MICROS);
        if (!next.isAfter(lastAdded)) {
            next = lastAdded.plus(1, ChronoUnit.MICROS);
        }
        lastAdded = next;
        return next;
    }

    /** The version TAXII names an object by: its {@code modified}, else its {@code created}, as written. */
    private static Optional<String> version(JsonNode o) {
        JsonNode v = o.path("modified").isTextual() ? o.path("modified") : o.path("created");
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The stored form of a valid object. */
    static StixObject value(JsonNode o, String collectionId, Instant dateAdded) {
        String type = o.path("type").asText();
        Instant created = StixValidator.timestamp(o.path("created")).orElse(dateAdded);
        Instant version = StixValidator.timestamp(o.path("modified")).orElse(created);
        JsonNode space = o.path("extensions").path(SPACE_OBJECT_EXTENSION);
        Optional<Long> noradId = Optional.empty();
        if (!space.isMissingNode()) {
            JsonNode norad = space.path("norad_id");
            if (!norad.canConvertToLong() || !norad.isIntegralNumber() || norad.asLong() < 1
                    || norad.asLong() > 999_999_999) {
                throw new IllegalArgumentException("the x-concord-space-object extension's norad_id must be a"
                        + " catalog number (1 to 999999999), not " + norad);
            }
            noradId = Optional.of(norad.asLong());
        }
        Optional<String> groundStation = groundStation(o, type);
        if (groundStation.isPresent() && noradId.isPresent()) {
            throw new IllegalArgumentException("an infrastructure names a space object (x-concord-space-object) or a"
                    + " ground station (x-concord-ground-station), not both");
        }
        JsonNode source = type.equals("sighting") ? o.path("sighting_of_ref") : o.path("source_ref");
        return new StixObject(o.path("id").asText(), type, StixValidator.specVersion(o, type).orElseThrow(), created,
                version, o.path("revoked").asBoolean(false), collectionId, dateAdded, noradId,
                source.isTextual() ? Optional.of(source.asText()) : Optional.empty(),
                o.path("target_ref").isTextual() ? Optional.of(o.path("target_ref").asText()) : Optional.empty(),
                o.toString(), Optional.empty(), Optional.of(dateAdded), Optional.empty(), groundStation);
    }

    /**
     * The ground station an object names with {@code x-concord-ground-station}: only an {@code infrastructure}, by a
     * {@code station_id} of 1 to 64 letters, digits, {@code .}, {@code _} or {@code -} (starting with a letter or
     * digit), such as {@code GS-SVALBARD}.
     */
    private static Optional<String> groundStation(JsonNode o, String type) {
        JsonNode station = o.path("extensions").path(GROUND_STATION_EXTENSION);
        if (station.isMissingNode()) {
            return Optional.empty();
        }
        if (!type.equals("infrastructure")) {
            throw new IllegalArgumentException("the x-concord-ground-station extension belongs on an infrastructure,"
                    + " not on a " + type);
        }
        JsonNode id = station.path("station_id");
        if (!id.isTextual() || !STATION_ID.matcher(id.asText()).matches()) {
            throw new IllegalArgumentException("the x-concord-ground-station extension's station_id must be 1 to 64"
                    + " letters, digits, '.', '_' or '-' (starting with a letter or digit), not " + id);
        }
        return Optional.of(id.asText());
    }

    /** The date each object version was added, by {@code id|version}, from a TAXII manifest. */
    public static Map<String, Instant> datesAdded(JsonNode manifest) {
        Map<String, Instant> dates = new HashMap<>();
        for (JsonNode entry : manifest) {
            StixValidator.timestamp(entry.path("date_added")).ifPresent(d -> dates.put(entry.path("id").asText()
                    + "|" + entry.path("version").asText(), d));
        }
        return dates;
    }
}
