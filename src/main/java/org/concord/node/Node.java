package org.concord.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.concord.label.LabelFilter;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.RecallOutcome;
import org.concord.conjunction.ConjunctionStore;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.formats.OmmReader;
import org.concord.federation.FederationService;
import org.concord.identity.NodeIdentity;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.orbit.OrekitSetup;
import org.concord.orbit.PropagationService;
import org.concord.risk.HardBodyRadii;
import org.concord.screening.ScreeningService;
import org.concord.store.Database;
import org.concord.store.JooqAuditStore;
import org.concord.store.JooqCatalogStore;
import org.concord.store.JooqConjunctionStore;
import org.concord.store.JooqFederationStore;
import org.concord.store.JooqSharingStore;

/** The composition root: one node's database, stores and services, built from its configuration. */
public final class Node implements AutoCloseable {

    /** The bundled sample catalog (see {@code sample/SOURCES.md}). */
    public static final String SAMPLE_CATALOG = "/sample/full_catalog_3le_2024-07_26389obj.txt";
    public static final String SAMPLE_SATCAT = "/sample/spacetrack_satcat_2021-01-19.csv.gz";

    private final NodeConfig config;
    private final Database database;
    private final CatalogStore catalog;
    private final ConjunctionStore conjunctions;
    private final IngestService ingest;
    private final OrekitSetup orekit;
    private final PropagationService propagation;
    private final ScreeningService screening;
    private final SharingService sharing;
    private final NodeIdentity identity;
    private final AuditLog audit;
    private final FederationService federation;

    private Node(NodeConfig config, Database database, Clock federationClock) {
        this.config = config;
        this.database = database;
        this.orekit = OrekitSetup.initialize(config.orekitData());
        this.catalog = new JooqCatalogStore(database);
        this.conjunctions = new JooqConjunctionStore(database);
        HardBodyRadii radii = HardBodyRadii.bundled();
        this.ingest = new IngestService(catalog, conjunctions, radii, config.labelRules(), config.ingestMaxBytes(),
                Clock.systemUTC());
        MeanElementsDecoder meanElements = MeanElementsDecoder.withOmm(OmmReader::toTle);
        this.propagation = new PropagationService(meanElements);
        this.screening = new ScreeningService(catalog, conjunctions, meanElements, radii, config.labelRules(),
                config.party(), Clock.systemUTC());
        this.identity = NodeIdentity.loadOrCreate(config.dataDirectory());
        this.audit = new AuditLog(new JooqAuditStore(database), identity, Clock.systemUTC(),
                config.auditCheckpointPeriod());
        this.sharing = new SharingService(new JooqSharingStore(database), config.party(), Clock.systemUTC(),
                new SharingService.ChangeLog() {
                    @Override
                    public void record(org.concord.access.Principal by, SharingService.Change change, String subject,
                                       java.util.Set<String> parties, String detail) {
                        audit.append(AuditEvent.of(Instant.now(), by.name(), by.party(), switch (change) {
                            case PARTY -> AuditAction.PARTY_CHANGE;
                            case USER -> AuditAction.USER_CHANGE;
                            case TOKEN -> AuditAction.TOKEN_CHANGE;
                            case AGREEMENT -> AuditAction.AGREEMENT_CHANGE;
                        }, subject, parties, detail));
                    }

                    @Override
                    public <T> T recordedChange(java.util.function.Supplier<T> change) {
                        return audit.recordedChange(change);
                    }
                });
        this.federation = new FederationService(new JooqFederationStore(database), sharing, ingest, conjunctions,
                (sha, originator, reason, by) -> removeRecalled(sha, originator, reason, by, Optional.empty())
                        .orbitRecordsRemoved() > 0, identity, config.party(), audit, federationClock,
                config.federationBundleRecords(), config.federationTrustStore().map(Node::trusting),
                config.federationAllowPlainHttp());
    }

    /** TLS that trusts the certificates in this key store (partners' self-signed certificates or their CAs). */
    private static javax.net.ssl.SSLContext trusting(NodeConfig.KeyStoreFile store) {
        try (InputStream in = Files.newInputStream(store.path())) {
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            keys.load(in, store.password().toCharArray());
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("federation.truststore " + store.path() + ": " + e.getMessage(), e);
        }
    }


    public static Node open(NodeConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** A node whose federation runs on {@code federationClock} (tests simulate partners offline for hours). */
    public static Node open(NodeConfig config, Clock federationClock) {
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDirectory(), e);
        }
        return new Node(config, Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword()),
                federationClock);
    }

    /** Loads the bundled sample catalog and SATCAT when the catalog is empty; returns what was ingested. */
    public Optional<IngestReport> loadSampleCatalogIfEmpty() {
        if (catalog.statistics(LabelFilter.UNRESTRICTED).objects() > 0) {
            return Optional.empty();
        }
        ingestResource(SAMPLE_SATCAT, true);
        return Optional.of(ingestResource(SAMPLE_CATALOG, false));
    }

    private IngestReport ingestResource(String resource, boolean gzipped) {
        try (InputStream raw = Node.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("bundled resource " + resource + " is missing from the build");
            }
            byte[] bytes = gzipped ? new GZIPInputStream(raw).readAllBytes() : raw.readAllBytes();
            String name = "bundled:" + resource.substring(resource.lastIndexOf('/') + 1).replace(".gz", "");
            return ingest.ingest(new IngestRequest(name, bytes, Optional.empty(), "concord:sample", false,
                    Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NodeConfig config() {
        return config;
    }

    /** The database kind and URL, without credentials. */
    public String databaseDescription() {
        return database.description();
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public ConjunctionStore conjunctions() {
        return conjunctions;
    }

    public IngestService ingest() {
        return ingest;
    }

    /** Ingests, and records what was ingested in the audit log before answering (an ingest is a change). */
    public IngestReport ingestAudited(IngestRequest request, String actor, Optional<String> actorParty) {
        IngestReport report = audit.recordedChange(() -> {
            IngestReport stored = ingest.ingest(request);
            audit.append(AuditEvent.of(Instant.now(), actor, actorParty, AuditAction.INGEST,
                    "ingest " + stored.sourceName(),
                    List.of(stored.label().originator()), stored.summary() + "; sha256 " + stored.sourceSha256()
                    + "; by " + request.ingestedBy()));
            return stored;
        });
        if (report.stored() > 0 && config.federationNotifyPeers()) {
            federation.notifyPeers();
        }
        return report;
    }

    /**
     * Recalls the orbit record with this content hash from this originator (with the conjunctions computed from
     * it), and records the recall in the audit log before answering, also when nothing was held. The recall goes to
     * every partner node the record was released to, in its next bundle. The recall and its audit entry are one unit.
     */
    public RecallOutcome recallAudited(String contentSha256, String originator, String reason, String actor,
                                      Optional<String> actorParty) {
        return audit.recordedChange(() -> {
            federation.noteRecall(contentSha256, originator, reason, actor);
            return removeRecalled(contentSha256, originator, reason, actor, actorParty);
        });
    }

    private RecallOutcome removeRecalled(String contentSha256, String originator, String reason, String actor,
                                         Optional<String> actorParty) {
        RecallOutcome outcome = catalog.recall(contentSha256, originator);
        String removed = outcome.orbitRecordsRemoved() == 0 ? "not held; nothing removed"
                : "removed " + outcome.orbitRecordsRemoved() + " orbit record of object "
                + outcome.noradId().orElseThrow() + " and " + outcome.conjunctionsRemoved()
                + (outcome.conjunctionsRemoved() == 1 ? " conjunction" : " conjunctions");
        audit.append(AuditEvent.of(Instant.now(), actor, actorParty, AuditAction.RECALL,
                "recall orbit " + contentSha256 + " from " + originator, List.of(originator),
                removed + (reason.isBlank() ? "" : "; reason: " + reason)));
        return outcome;
    }

    public ScreeningService screening() {
        return screening;
    }

    public SharingService sharing() {
        return sharing;
    }

    public PropagationService propagation() {
        return propagation;
    }

    /** The node's signing key. */
    public NodeIdentity identity() {
        return identity;
    }

    public AuditLog audit() {
        return audit;
    }

    public FederationService federation() {
        return federation;
    }

    public OrekitSetup orekit() {
        return orekit;
    }

    public static String version() {
        String v = Node.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    @Override
    public void close() {
        federation.close();
        screening.close();
        try {
            audit.close();
        } finally {
            database.close();
        }
    }
}
