package org.concord.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.catalog.CatalogScan;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.SourceFormat;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.conjunction.ConjunctionKind;
import org.concord.connector.ConnectorDefinition;
import org.concord.connector.ConnectorTypes;
import org.concord.connector.Connectors;
import org.concord.connector.Sink;
import org.concord.connector.Swpc;
import org.concord.conjunction.ConjunctionStore;
import org.concord.cyber.CyberKind;
import org.concord.cyber.CyberService;
import org.concord.cyber.TaxiiPuller;
import org.concord.cyber.StixObject;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventCdm;
import org.concord.event.EventKind;
import org.concord.event.EventService;
import org.concord.event.ProximityKind;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.formats.OmmReader;
import org.concord.federation.FederationService;
import org.concord.federation.Peer;
import org.concord.federation.ProductArrivals;
import org.concord.identity.NodeIdentity;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.orbit.OrekitSetup;
import org.concord.reentry.ControlledVehicles;
import org.concord.reentry.ReentryJobs;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryNoticeKind;
import org.concord.reentry.ReentryPredictor;
import org.concord.reentry.ReentryReportKind;
import org.concord.reentry.ReentryReports;
import org.concord.reentry.ReentryService;
import org.concord.reentry.ReentrySharing;
import org.concord.reentry.ReentryWindowRule;
import org.concord.reentry.SpaceWeather;
import org.concord.reentry.StoredSpaceWeather;
import org.orekit.data.DataContext;
import org.concord.orbit.PropagationService;
import org.concord.product.ProductQuery;
import org.concord.product.Product;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.concord.product.ProductService;
import org.concord.product.ProductStore;
import org.concord.risk.HardBodyRadii;
import org.concord.screening.ScreeningRunStore;
import org.concord.screening.ScreeningService;
import org.concord.spaceweather.AlertsKind;
import org.concord.spaceweather.IndicesKind;
import org.concord.spaceweather.SpaceWeatherReport;
import org.concord.spaceweather.SpaceWeatherService;
import org.concord.store.Database;
import org.concord.store.JooqAuditStore;
import org.concord.store.JooqCatalogScan;
import org.concord.store.JooqCatalogStore;
import org.concord.store.JooqConjunctionStore;
import org.concord.store.JooqConnectorStore;
import org.concord.store.JooqCyberStore;
import org.concord.store.JooqEventStore;
import org.concord.store.JooqFederationStore;
import org.concord.store.JooqProductStore;
import org.concord.store.JooqScreeningRunStore;
import org.concord.store.JooqSharingStore;
import org.concord.store.JooqWatchStore;
import org.concord.watch.EventCdms;
import org.concord.watch.WatchService;

/** The composition root: one node's database, stores and services, built from its configuration. */
public final class Node implements AutoCloseable {

    /** The bundled sample catalog (see {@code sample/SOURCES.md}). */
    public static final String SAMPLE_CATALOG = "/sample/full_catalog_3le_2024-07_26389obj.txt";
    /** CelesTrak's space weather CSV of 1998-07 to 2026-04: the indices the bundled catalog's predictions need. */
    public static final String SAMPLE_SPACE_WEATHER = "/sample/SW-All_CelesTrak_csv_1998-07_to_2026-04.csv";
    /** The bundled SATCAT, merged from public sources by {@code scripts/build-sample-satcat} (docs/satcat.md). */
    public static final String SAMPLE_SATCAT = "/sample/satcat_2025-01_merged.csv.gz";

    private final NodeConfig config;
    private final Database database;
    private final CatalogStore catalog;
    private final CatalogScan catalogScan;
    private final ConjunctionStore conjunctions;
    private final ScreeningRunStore screeningRuns;
    private final IngestService ingest;
    private final OrekitSetup orekit;
    private final PropagationService propagation;
    private final ScreeningService screening;
    private final SharingService sharing;
    private final NodeIdentity identity;
    private final AuditLog audit;
    private final FederationService federation;
    private final NodeMetrics metrics;
    private final ProductKinds productKinds;
    private final ProductService products;
    private final Connectors connectors;
    private final SpaceWeatherService spaceWeather;
    private final CyberService cyber;
    private final TaxiiPuller taxiiPuller;
    private final EventService events;
    private final EventCdm eventCdm;
    private final ReentryService reentries;
    private final ReentryJobs reentryJobs;
    private final WatchService watches;
    private final ReentryReports reentryReports;

    private Node(NodeConfig config, Database database, Clock federationClock, ProductKinds productKinds) {
        this.config = config;
        this.database = database;
        this.metrics = NodeMetrics.create();
        this.orekit = OrekitSetup.initialize(config.orekitData());
        JooqCatalogStore catalogStore = new JooqCatalogStore(database);
        this.catalog = catalogStore;
        this.catalogScan = new JooqCatalogScan(database, catalogStore);
        this.productKinds = productKinds;
        JooqProductStore productStore = new JooqProductStore(database, productKinds);
        this.products = new ProductService(productStore);
        this.spaceWeather = new SpaceWeatherService(products, config.spaceWeatherAlerts(), config.party(),
                Clock.systemUTC());
        this.conjunctions = new JooqConjunctionStore(database, productStore);
        this.screeningRuns = new JooqScreeningRunStore(database, productStore);
        this.events = new EventService(new JooqEventStore(database, productStore), products, config.party(),
                Clock.systemUTC(), metrics.registry());
        HardBodyRadii radii = HardBodyRadii.bundled();
        this.reentryReports = new ReentryReports(products, catalog);
        this.ingest = new IngestService(catalog, conjunctions, reentryReports, radii, config.labelRules(),
                config.ingestMaxBytes(), Clock.systemUTC(), metrics.registry());
        MeanElementsDecoder meanElements = MeanElementsDecoder.withOmm(OmmReader::toTle);
        this.propagation = new PropagationService(meanElements, config.staleness(), orekit.timeScales());
        this.eventCdm = new EventCdm(catalog, conjunctions, meanElements, config.party(), federationClock);
        this.screening = new ScreeningService(catalog, screeningRuns, conjunctions, meanElements, radii,
                config.labelRules(), config.staleness(), orekit.timeScales(), config.party(), Clock.systemUTC(),
                metrics.registry(), products, events::placeSoon, config.partnerScreening());
        this.reentries = new ReentryService(catalog, meanElements, weather -> new ReentryPredictor(weather,
                ReentryWindowRule.CALIBRATED, REENTRY_HORIZON, ControlledVehicles.DEFAULT, DataContext.getDefault(),
                Clock.systemUTC()), this::reentrySpaceWeather, products, config.party(), new ReentrySharing() {
                    @Override
                    public java.util.SortedSet<String> nationsReleasedTo(DataKind kind) {
                        return sharing.nationsReleasedTo(kind);
                    }

                    @Override
                    public LabelFilter filterOf(String party) {
                        return sharing.filterFor(new org.concord.access.Principal("party " + party,
                                Optional.of(party), Optional.of(org.concord.access.Role.VIEWER), false));
                    }

                    @Override
                    public void tellToPull(Set<String> parties) {
                        reentryConcerned(parties);
                    }
                });
        this.reentryJobs = new ReentryJobs(reentries, Clock.systemUTC());
        this.identity = NodeIdentity.loadOrCreate(config.dataDirectory());
        this.audit = new AuditLog(new JooqAuditStore(database), identity, Clock.systemUTC(),
                config.auditCheckpointPeriod());
        this.sharing = new SharingService(new JooqSharingStore(database), config.party(), productKinds.dataKinds(),
                Clock.systemUTC(),
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
        sharing.registerNodeParty();
        this.cyber = new CyberService(products, new JooqCyberStore(database, productStore), audit, federationClock,
                config.taxiiCollections(), config.taxiiStatusRetention());
        this.federation = new FederationService(new JooqFederationStore(database, productStore), sharing, ingest,
                productKinds, productStore,
                (sha, originator, reason, by) -> removeRecalled(sha, originator, reason, by, Optional.empty())
                        .orbitRecordsRemoved() > 0,
                new ProductArrivals() {
                    @Override
                    public <T> T arriving(ProductKind<T> kind, T value, Label label, Peer peer) {
                        if (value instanceof StixObject o) {
                            @SuppressWarnings("unchecked") // a StixObject is the value of the cyber kind
                            T taken = (T) cyber.arriving(o, label.originator(), peer.party(), peer.ingester());
                            return taken;
                        }
                        return value;
                    }

                    @Override
                    public void arrived(ProductKind<?> kind, List<? extends Product<?>> stored, Peer peer) {
                        if (kind.equals(CyberKind.INSTANCE)) {
                            cyber.arrived(stored, peer.ingester());
                        }
                    }
                }, identity, config.party(), audit, federationClock,
                config.federationBundleRecords(), config.federationTrustStore().map(Node::trusting),
                config.federationAllowPlainHttp(), metrics.registry());
        federation.adoptHeld();
        this.connectors = new Connectors(config.connectors(), ConnectorTypes.BUILT_IN,
                Map.of(Sink.CATALOG, this::ingestFromConnector, Swpc.SINK, this::ingestSpaceWeatherFromConnector),
                new JooqConnectorStore(database), federationClock,
                config.ingestMaxBytes(), "Concord/" + version(), metrics.registry());
        this.taxiiPuller = new TaxiiPuller(cyber, config.taxiiSources());
        this.watches = new WatchService(new JooqWatchStore(database), sharing, productStore, audit, identity,
                config.party(), this::eventCdmOf, config.watches(), federationClock, metrics.registry());
        events.afterPlacing(watches::evaluateSoon);
    }

    /** An event's CDM in KVN for a notification, or none when it has no CDM form (docs/events.md). */
    private Optional<EventCdms.Cdm> eventCdmOf(Product<ConjunctionEvent> event) {
        try {
            return Optional.of(new EventCdms.Cdm("kvn", eventCdm.write(event, EventCdm.Format.KVN)));
        } catch (EventCdm.NoCdmException e) {
            return Optional.empty();
        }
    }

    /** A connector's answer through the ordinary ingest: its label, its name as source and actor, audited. */
    private Sink.Ingested ingestFromConnector(ConnectorDefinition connector, String sourceName, byte[] content) {
        IngestReport report = ingestAudited(new IngestRequest(sourceName, content, Optional.of(connector.label()),
                connector.sourceName(), connector.skipInvalid(), Optional.empty()), connector.sourceName(),
                Optional.of(config.party()));
        return new Sink.Ingested(report.stored(), report.unchanged(), report.rejected(), report.sourceSha256());
    }

    /** A space weather connector's answer through the space weather ingest, as {@link #ingestFromConnector}. */
    private Sink.Ingested ingestSpaceWeatherFromConnector(ConnectorDefinition connector, String sourceName,
                                                          byte[] content) {
        SpaceWeatherReport report = ingestSpaceWeatherAudited(sourceName, content, connector.label(),
                connector.sourceName(), connector.sourceName(), Optional.of(config.party()));
        return new Sink.Ingested(report.indicesStored() + report.messagesStored(), report.indicesUnchanged(), 0,
                report.sourceSha256());
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


    /** The product kinds every node serves (docs/products.md: a new kind is added here). */
    public static final ProductKinds PRODUCT_KINDS = ProductKinds.of(List.of(ConjunctionKind.INSTANCE,
            IndicesKind.INSTANCE, AlertsKind.INSTANCE,
            CyberKind.INSTANCE,
            EventKind.INSTANCE, ProximityKind.INSTANCE,
            ReentryKind.INSTANCE, ReentryReportKind.INSTANCE, ReentryNoticeKind.INSTANCE));

    /** How far ahead of an object's newest element set re-entry predictions propagate. */
    static final Duration REENTRY_HORIZON = Duration.ofDays(400);

    /**
     * The space weather re-entry predictions are fed with: every day of indices this node stores that Orekit can use
     * (whatever its label: a prediction names the days it read as inputs, so its label combines theirs), or none, and
     * every prediction then says that it has no space weather rather than guess.
     */
    /**
     * Predictions were stored: the partners concerned by them (docs/reentry.md: nations whose territory a window
     * overflies, released the prediction or told by a notice) are told to pull now, when the node notifies its peers;
     * what they get is still what the feed releases to them.
     */
    private void reentryConcerned(Set<String> parties) {
        if (config.federationNotifyPeers()) {
            federation.notifyPeers(parties);
        }
    }

    private StoredSpaceWeather reentrySpaceWeather() {
        try {
            SpaceWeatherService.OrekitDays stored = spaceWeather.orekitDays(LabelFilter.UNRESTRICTED,
                    orekit.timeScales().getUTC());
            java.util.NavigableMap<java.time.LocalDate, Long> ids = new java.util.TreeMap<>();
            stored.days().forEach((day, p) -> ids.put(day, p.id()));
            String observed = stored.days().values().stream().filter(p -> !p.value().status().predicted())
                    .map(p -> p.value().day().toString()).reduce((a, b) -> b).map(d -> ", observed up to " + d)
                    .orElse(", none observed");
            return new StoredSpaceWeather(SpaceWeather.of(stored.data(), "this node's space weather indices ("
                    + ids.size() + " days from " + ids.firstKey() + " to " + ids.lastKey() + observed + ")"),
                    IndicesKind.INSTANCE.code(), ids);
        } catch (IllegalArgumentException none) {
            return StoredSpaceWeather.none(IndicesKind.INSTANCE.code(), "no space weather indices that the"
                    + " atmosphere model can use are stored on this node (ingest CelesTrak's CSSI file or SWPC's"
                    + " indices: docs/space-weather.md)");
        }
    }

    public static Node open(NodeConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * A node whose federation and connectors run on {@code federationClock} (tests simulate partners offline for
     * hours, and connectors' schedules).
     */
    public static Node open(NodeConfig config, Clock federationClock) {
        return open(config, federationClock, PRODUCT_KINDS);
    }

    /** A node serving these product kinds (tests register kinds of their own). */
    public static Node open(NodeConfig config, Clock federationClock, ProductKinds productKinds) {
        DataDirectory.createOwnerOnly(config.dataDirectory());
        return new Node(config, DataDirectory.openDatabase(config), federationClock, productKinds);
    }

    /**
     * Loads the bundled sample catalog, SATCAT and space weather when the catalog is empty, telling {@code progress}
     * what it is loading, how many objects (or days), every few seconds that it is still at it, and how long it took;
     * returns what was ingested of the catalog. They are public data (see {@code sample/SOURCES.md}) and are labelled
     * PUBLIC TLP:CLEAR explicitly, whatever {@code label.default} says. The space weather is loaded only when the node
     * holds no space weather indices yet, so that a node's own indices are never joined by the sample's.
     */
    public Optional<IngestReport> loadSampleCatalogIfEmpty(Consumer<String> progress) {
        if (catalog.statistics(LabelFilter.UNRESTRICTED).objects() > 0) {
            return Optional.empty();
        }
        if (products.store().list(IndicesKind.INSTANCE, ProductQuery.all(IndicesKind.INSTANCE, 1),
                LabelFilter.UNRESTRICTED).items().isEmpty()) {
            loadSampleSpaceWeather(progress);
        }
        ingestResource(SAMPLE_SATCAT, "SATCAT (2025-01, merged from public sources: docs/satcat.md)", progress);
        return Optional.of(ingestResource(SAMPLE_CATALOG, "catalog (element sets of 2024-07)", progress));
    }

    private void loadSampleSpaceWeather(Consumer<String> progress) {
        byte[] bytes = resource(SAMPLE_SPACE_WEATHER);
        String name = "bundled:" + SAMPLE_SPACE_WEATHER.substring(SAMPLE_SPACE_WEATHER.lastIndexOf('/') + 1);
        long days = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                .filter(l -> !l.isBlank()).count();
        progress.accept(String.format(java.util.Locale.ROOT, "loading the bundled space weather (CelesTrak,"
                + " 1998-07 to 2026-04 observed, predicted to 2041): %,d days ...", days));
        long start = System.nanoTime();
        SpaceWeatherReport report = spaceWeather.ingest(name, bytes, Label.publicFrom(config.party()),
                "concord:sample");
        progress.accept(String.format(java.util.Locale.ROOT, "  %s in %.1f s", report.summary(),
                (System.nanoTime() - start) / 1e9));
    }

    private static byte[] resource(String resource) {
        try (InputStream raw = Node.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("bundled resource " + resource + " is missing from the build");
            }
            return resource.endsWith(".gz") ? new GZIPInputStream(raw).readAllBytes() : raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Duration PROGRESS_PERIOD = Duration.ofSeconds(3);

    private IngestReport ingestResource(String resource, String what, Consumer<String> progress) {
        byte[] bytes = resource(resource);
        String name = "bundled:" + resource.substring(resource.lastIndexOf('/') + 1).replace(".gz", "");
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        long objects = resource.endsWith(".csv.gz") ? text.lines().skip(1).filter(l -> !l.isBlank()).count()
                : text.lines().filter(l -> l.startsWith("1 ")).count();
        progress.accept(String.format(java.util.Locale.ROOT, "loading the bundled %s: %,d objects ...", what,
                objects));
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sample-load-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(String.format(java.util.Locale.ROOT,
                "  ... still loading the bundled %s (%d s)", what.substring(0, what.indexOf(' ')),
                Duration.ofNanos(System.nanoTime() - start).toSeconds())), PROGRESS_PERIOD.toMillis(),
                PROGRESS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        try {
            IngestReport report = ingest.ingest(new IngestRequest(name, bytes,
                    Optional.of(Label.publicFrom(config.party())), "concord:sample", false, Optional.empty()));
            progress.accept(String.format(java.util.Locale.ROOT, "  %s in %.1f s", report.summary(),
                    (System.nanoTime() - start) / 1e9));
            return report;
        } finally {
            ticker.shutdownNow();
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

    /** The whole-catalog reads: the boxscore's facts and the bulk element-set export. */
    public CatalogScan catalogScan() {
        return catalogScan;
    }

    public ConjunctionStore conjunctions() {
        return conjunctions;
    }

    public ScreeningRunStore screeningRuns() {
        return screeningRuns;
    }

    /** The product kinds this node serves. */
    public ProductKinds productKinds() {
        return productKinds;
    }

    /** Every product kind's storage (reads filter by label; {@link #productService()} stores with the label rule). */
    public ProductStore products() {
        return products.store();
    }

    /** Re-entry reports from other originators (TIP, RDM), beside the node's own predictions. */
    public ReentryReports reentryReports() {
        return reentryReports;
    }

    public ReentryService reentries() {
        return reentries;
    }

    /** Background jobs predicting every low object (docs/reentry.md). */
    public ReentryJobs reentryJobs() {
        return reentryJobs;
    }

    public ProductService productService() {
        return products;
    }

    /** STIX objects and the TAXII collections that hold them (docs/cyber.md). */
    public CyberService cyber() {
        return cyber;
    }

    /** The TAXII client pulling the configured sources ({@code taxii.pull.N.*}). */
    public TaxiiPuller taxiiPuller() {
        return taxiiPuller;
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
        if (report.stored() > 0 && (report.format() == SourceFormat.CDM_KVN || report.format() == SourceFormat.CDM_XML)) {
            events.updateSoon();
        }
        if (report.stored() > 0 && config.federationNotifyPeers()) {
            federation.notifyPeers();
        }
        return report;
    }

    public SpaceWeatherService spaceWeather() {
        return spaceWeather;
    }

    /**
     * Ingests a space weather input (docs/space-weather.md) under {@code label}, and records it in the audit log in
     * the same transaction: the indices, messages and raised alerts are stored with their entry or not at all.
     */
    public SpaceWeatherReport ingestSpaceWeatherAudited(String name, byte[] content, Label label, String ingestedBy,
                                                        String actor, Optional<String> actorParty) {
        IngestService.checkStorable(label);
        SpaceWeatherReport report = audit.recordedChange(() -> {
            SpaceWeatherReport stored = spaceWeather.ingest(name, content, label, ingestedBy);
            audit.append(AuditEvent.of(Instant.now(), actor, actorParty, AuditAction.INGEST,
                    "ingest space weather " + name, List.of(label.originator()), stored.summary() + "; sha256 "
                    + stored.sourceSha256() + "; by " + ingestedBy));
            return stored;
        });
        if (report.storedAny() && config.federationNotifyPeers()) {
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

    /** The longest reason for a re-label (kept in the audit log and sent to partners with the recall). */
    static final int MAX_REASON_CHARS = 1024;

    /**
     * Gives a stored orbit record a new label, and records it in the audit log ({@code RELABEL}) before answering. The
     * originator stays. A label that admits anybody the record's label did not (see {@link Label#wideningsOver})
     * publishes the record further and is refused unless {@code widen} says so. The record is stored again under the
     * new label with a new id; partners that were sent it under the old label are sent its recall, and those the new
     * label admits are sent it again with the new label, in their next bundle. A label equal to the record's changes
     * nothing and is not audited.
     */
    public RelabelOutcome relabelAudited(OrbitRecord record, Label label, boolean widen, String reason, String actor,
                                        Optional<String> actorParty) {
        String originator = record.label().originator();
        if (!label.originator().equals(originator)) {
            throw new IllegalArgumentException("a re-label keeps the record's originator " + originator
                    + "; the new label names " + label.originator());
        }
        IngestService.checkStorable(label);
        if (reason.length() > MAX_REASON_CHARS) {
            throw new IllegalArgumentException("the reason is " + reason.length() + " characters; at most "
                    + MAX_REASON_CHARS);
        }
        if (label.equals(record.label())) {
            return new RelabelOutcome(Optional.of(new RelabelOutcome.Relabelled(record.noradId(), record.id(),
                    record.label(), record.id(), label, 0)));
        }
        List<String> widenings = label.wideningsOver(record.label());
        if (!widenings.isEmpty() && !widen) {
            throw new IllegalArgumentException("the new label publishes orbit record " + record.id() + " more widely ("
                    + String.join("; ", widenings) + "); confirm that this is meant with widen=true (HTTP) or --widen"
                    + " (command line)");
        }
        RelabelOutcome outcome = audit.recordedChange(() -> {
            federation.noteRecall(record.contentSha256(), originator, "re-labelled " + label
                    + (reason.isBlank() ? "" : ": " + reason), actor);
            RelabelOutcome done = catalog.relabel(record.contentSha256(), originator, label);
            String detail = done.relabelled().map(r -> "orbit record " + r.oldId() + " of object " + r.noradId()
                    + " from " + r.oldLabel() + " to " + r.newLabel() + ", now record " + r.newId() + "; "
                    + (widenings.isEmpty() ? "narrower" : "WIDER: " + String.join("; ", widenings)) + "; "
                    + r.products() + (r.products() == 1 ? " derived product follows" : " derived products follow"))
                    .orElse("not held; nothing re-labelled");
            audit.append(AuditEvent.of(Instant.now(), actor, actorParty, AuditAction.RELABEL,
                    "relabel orbit " + record.contentSha256() + " from " + originator, List.of(originator),
                    detail + (reason.isBlank() ? "" : "; reason: " + reason)));
            return done;
        });
        if (outcome.relabelled().isPresent() && config.federationNotifyPeers()) {
            federation.notifyPeers();
        }
        return outcome;
    }

    private RecallOutcome removeRecalled(String contentSha256, String originator, String reason, String actor,
                                         Optional<String> actorParty) {
        RecallOutcome outcome = catalog.recall(contentSha256, originator);
        String removed = outcome.orbitRecordsRemoved() == 0 ? "not held; nothing removed"
                : "removed " + outcome.orbitRecordsRemoved() + " orbit record of object "
                + outcome.noradId().orElseThrow() + " and " + outcome.productsRemoved()
                + (outcome.productsRemoved() == 1 ? " derived product" : " derived products");
        audit.append(AuditEvent.of(Instant.now(), actor, actorParty, AuditAction.RECALL,
                "recall orbit " + contentSha256 + " from " + originator, List.of(originator),
                removed + (reason.isBlank() ? "" : "; reason: " + reason)));
        return outcome;
    }

    /** Conjunction events: built after each screening and CDM ingest (docs/events.md). */
    public EventService events() {
        return events;
    }

    /** Events as CCSDS CDMs (docs/events.md). */
    public EventCdm eventCdm() {
        return eventCdm;
    }

    /** Watch lists and their notifications (docs/watches.md); {@code serve} starts their evaluation and delivery. */
    public WatchService watches() {
        return watches;
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

    /** The live source connectors (docs/connectors.md); {@code serve} starts their schedule. */
    public Connectors connectors() {
        return connectors;
    }

    public OrekitSetup orekit() {
        return orekit;
    }

    /** The node's metrics (docs/metrics.md): what {@code GET /metrics} serves. */
    public NodeMetrics metrics() {
        return metrics;
    }

    public static String version() {
        String v = Node.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    @Override
    public void close() {
        reentryJobs.close();
        connectors.close();
        taxiiPuller.close();
        federation.close();
        screening.close();
        events.close();
        watches.close();
        try {
            audit.close();
        } finally {
            metrics.close();
            database.close();
        }
    }
}
