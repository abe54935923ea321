package org.concord.node;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.connector.ConfigKeys;
import org.concord.connector.ConnectorDefinition;
import org.concord.connector.ConnectorDefinitions;
import org.concord.connector.ConnectorTypes;
import org.concord.cyber.CyberCollection;
import org.concord.cyber.TaxiiSettings;
import org.concord.cyber.TaxiiSource;
import org.concord.ingest.LabelRules;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.orbit.StalenessLimits;
import org.concord.screening.PartnerLimits;
import org.concord.spaceweather.AlertThresholds;
import org.concord.watch.WatchSettings;

/**
 * A node's configuration: built-in defaults, overridden by the file {@code concord.properties} in the data directory
 * (or the file named by {@code --config}), overridden by environment variables ({@code db.url} is
 * {@code CONCORD_DB_URL}). The keys are documented in docs/configuration.md.
 */
public record NodeConfig(Path dataDirectory, String party, String httpHost, int httpPort, String databaseUrl,
                         String databaseUser, String databasePassword, Optional<Path> orekitData,
                         long ingestMaxBytes, LabelRules labelRules, boolean loadSampleCatalog,
                         int anonymousRequestsPerMinute, int anonymousBurst, int anonymousConcurrency,
                         Duration auditCheckpointPeriod,
                         Duration federationPullPeriod, int federationBundleRecords, boolean federationNotifyPeers,
                         Optional<Https> https, Optional<KeyStoreFile> federationTrustStore,
                         boolean federationAllowPlainHttp, StalenessLimits staleness,
                         List<ConnectorDefinition> connectors,
                         AlertThresholds spaceWeatherAlerts,
                         List<CyberCollection> taxiiCollections, List<TaxiiSource> taxiiSources,
                         Duration taxiiPullPeriod, Duration taxiiStatusRetention, PartnerLimits partnerScreening,
                         WatchSettings watches) {

    /** An HTTPS listener beside the HTTP one: where, and the PKCS#12 key store with the server's key and certificate. */
    public record Https(String host, int port, KeyStoreFile keyStore) {
    }

    /** A PKCS#12 key store file and its password. */
    public record KeyStoreFile(Path path, String password) {
    }

    public static final String FILE_NAME = "concord.properties";
    static final long DEFAULT_INGEST_MAX_BYTES = 64L * 1024 * 1024;
    static final Duration DEFAULT_AUDIT_CHECKPOINT_PERIOD = Duration.ofMinutes(10);
    static final Duration DEFAULT_FEDERATION_PULL_PERIOD = Duration.ofMinutes(1);
    static final int DEFAULT_FEDERATION_BUNDLE_RECORDS = 5000;

    /** Reads the configuration of the node whose data lives in {@code dataDirectory}. */
    public static NodeConfig load(Path dataDirectory, Optional<Path> configFile, Map<String, String> environment) {
        Properties file = new Properties();
        Path path = configFile.orElse(dataDirectory.resolve(FILE_NAME));
        if (Files.exists(path)) {
            try (Reader reader = Files.newBufferedReader(path)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration file " + path + ": " + e.getMessage(), e);
            }
        } else if (configFile.isPresent()) {
            throw new IllegalArgumentException("configuration file " + path + " does not exist");
        }
        Settings s = new Settings(file, environment, path);
        Path absoluteData = dataDirectory.toAbsolutePath().normalize();
        String party = s.get("node.party", "LOCAL").toUpperCase(Locale.ROOT);
        String defaultDb = "jdbc:h2:file:" + absoluteData.resolve("concord").toString().replace('\\', '/')
                + ";AUTO_SERVER=TRUE";
        // safe by default: what the node ingests without a label or rule stays with the node's own party
        Label base = new Label(party, Releasability.to(party), Tlp.AMBER, java.util.Collections.emptySortedSet(),
                Optional.empty());
        Label defaultLabel = parseLabel(s, "label.default", s.get("label.default", ""), base);
        List<LabelRules.Rule> rules = new ArrayList<>();
        TreeSet<Integer> ruleNumbers = new TreeSet<>();
        for (String key : s.keys()) {
            if (key.startsWith("label.source.") && key.endsWith(".glob")) {
                String number = key.substring("label.source.".length(), key.length() - ".glob".length());
                try {
                    ruleNumbers.add(Integer.parseInt(number));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(s.origin(key) + ": " + key + ": rule number '" + number
                            + "' is not a whole number");
                }
            }
        }
        for (int n : ruleNumbers) {
            String glob = s.get("label.source." + n + ".glob", "");
            String labelKey = "label.source." + n + ".label";
            if (s.get(labelKey, "").isEmpty()) {
                throw new IllegalArgumentException(s.origin(labelKey) + ": " + labelKey + " is missing for glob '"
                        + glob + "'");
            }
            rules.add(new LabelRules.Rule(glob, parseLabel(s, labelKey, s.get(labelKey, ""), defaultLabel)));
        }
        return new NodeConfig(absoluteData, party, s.get("http.host", "127.0.0.1"),
                s.integer("http.port", 8080, 0, 65535), s.get("db.url", defaultDb), s.get("db.user", "sa"),
                s.get("db.password", ""), s.optional("orekit.data").map(Path::of),
                s.integer("ingest.max-bytes", DEFAULT_INGEST_MAX_BYTES, 1, Long.MAX_VALUE),
                new LabelRules(defaultLabel, rules), s.bool("sample.load", true),
                s.integer("http.anonymous.requests-per-minute", 600, 1, 1_000_000),
                s.integer("http.anonymous.burst", 60, 1, 1_000_000),
                s.integer("http.anonymous.concurrency", 4, 1, 10_000),
                s.duration("audit.checkpoint-period", DEFAULT_AUDIT_CHECKPOINT_PERIOD),
                s.duration("federation.pull-period", DEFAULT_FEDERATION_PULL_PERIOD),
                (int) s.integer("federation.bundle-records", DEFAULT_FEDERATION_BUNDLE_RECORDS, 1, 100_000),
                s.bool("federation.notify-peers", true),
                s.optional("https.keystore").map(k -> new Https(s.get("https.host", "0.0.0.0"),
                        s.integer("https.port", 8443, 1, 65535), keyStore(s, "https.keystore",
                        absoluteData))),
                s.optional("federation.truststore").map(k -> keyStore(s, "federation.truststore", absoluteData)),
                s.bool("federation.allow-plain-http", false),
                new StalenessLimits(s.positiveDuration("staleness.limit.leo", StalenessLimits.DEFAULTS.leo()),
                        s.positiveDuration("staleness.limit.meo", StalenessLimits.DEFAULTS.meo()),
                        s.positiveDuration("staleness.limit.geo", StalenessLimits.DEFAULTS.geo()),
                        s.positiveDuration("staleness.limit.heo", StalenessLimits.DEFAULTS.heo())),
                ConnectorDefinitions.read(s, ConnectorTypes.BUILT_IN, party, absoluteData),
                new AlertThresholds(s.integer("space-weather.alert.g-scale", AlertThresholds.DEFAULTS.gScale(), 1, 5),
                        s.integer("space-weather.alert.f107-jump-sfu",
                                (int) AlertThresholds.DEFAULTS.f107JumpSfu(), 1, 10_000)),
                TaxiiSettings.collections(s, s.keys()), TaxiiSettings.sources(s, s.keys()),
                s.duration("taxii.pull-period", Duration.ofMinutes(5)), TaxiiSettings.statusRetention(s),
                partnerScreening(s),
                watchSettings(s));
    }

    /** How notifications are delivered (docs/watches.md). */
    private static WatchSettings watchSettings(Settings s) {
        boolean allowLoopbackHttp = s.bool("watch.webhook.allow-loopback-http", false);
        int attempts = s.integer("watch.delivery.attempts", WatchSettings.DEFAULTS.attempts(), 1,
                WatchSettings.MAX_ATTEMPTS);
        Duration firstRetry = s.duration("watch.delivery.first-retry", WatchSettings.DEFAULTS.firstRetry());
        try {
            return new WatchSettings(allowLoopbackHttp, attempts, firstRetry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.origin("watch.delivery.first-retry") + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern SCREENING_PARTY_KEY = Pattern.compile(
            "screening\\.party\\.([A-Z0-9][A-Z0-9_-]{1,31})\\.(concurrent-runs|max-window)");

    /** How much partner parties may screen: {@code screening.partner.*}, and a party's own {@code screening.party.*}. */
    private static PartnerLimits partnerScreening(Settings s) {
        PartnerLimits.Limit partners = new PartnerLimits.Limit(
                (int) s.integer("screening.partner.concurrent-runs",
                        PartnerLimits.DEFAULTS.partners().concurrentRuns(), 1, 1000),
                s.positiveDuration("screening.partner.max-window", PartnerLimits.DEFAULTS.partners().maxWindow()));
        Map<String, PartnerLimits.Limit> byParty = new TreeMap<>();
        for (String key : s.keys()) {
            if (key.startsWith("screening.party.")) {
                Matcher m = SCREENING_PARTY_KEY.matcher(key);
                if (!m.matches()) {
                    throw new IllegalArgumentException(s.origin(key) + ": " + key + ": expected screening.party."
                            + "<PARTY>.concurrent-runs or screening.party.<PARTY>.max-window (the party's code in"
                            + " capitals)");
                }
                String prefix = "screening.party." + m.group(1) + ".";
                byParty.put(m.group(1), new PartnerLimits.Limit(
                        (int) s.integer(prefix + "concurrent-runs", partners.concurrentRuns(), 1, 1000),
                        s.positiveDuration(prefix + "max-window", partners.maxWindow())));
            }
        }
        return new PartnerLimits(partners, byParty);
    }

    public NodeConfig withHttpPort(int port) {
        return new NodeConfig(dataDirectory, party, httpHost, port, databaseUrl, databaseUser, databasePassword,
                orekitData, ingestMaxBytes, labelRules, loadSampleCatalog, anonymousRequestsPerMinute, anonymousBurst,
                anonymousConcurrency, auditCheckpointPeriod, federationPullPeriod, federationBundleRecords,
                federationNotifyPeers, https, federationTrustStore, federationAllowPlainHttp, staleness, connectors,
                spaceWeatherAlerts, taxiiCollections, taxiiSources, taxiiPullPeriod, taxiiStatusRetention,
                partnerScreening,
                watches);
    }

    private static KeyStoreFile keyStore(Settings s, String key, Path dataDirectory) {
        Path path = dataDirectory.resolve(s.get(key, ""));
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(s.origin(key) + ": " + key + ": cannot read " + path);
        }
        return new KeyStoreFile(path, s.get(key + "-password", ""));
    }

    private static Label parseLabel(Settings s, String key, String spec, Label defaults) {
        try {
            return Label.parse(spec, defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.origin(key) + ": " + key + ": " + e.getMessage(), e);
        }
    }

    /** Looks a key up in the environment first, then in the file. */
    private record Settings(Properties file, Map<String, String> environment, Path path) implements ConfigKeys {

        static String environmentName(String key) {
            return "CONCORD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        @Override
        public Optional<String> optional(String key) {
            String fromEnv = environment.get(environmentName(key));
            if (fromEnv != null) {
                return Optional.of(fromEnv.trim());
            }
            return Optional.ofNullable(file.getProperty(key)).map(String::trim);
        }

        String get(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        long integer(String key, long fallback, long min, long max) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                long value = Long.parseLong(text.get());
                if (value < min || value > max) {
                    throw new IllegalArgumentException(origin(key) + ": " + key + " = " + value + " is outside "
                            + min + ".." + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin(key) + ": " + key + " = '" + text.get()
                        + "' is not a whole number");
            }
        }

        /** An ISO-8601 duration such as PT10M; zero turns the scheduled task off. */
        @Override
        public Duration duration(String key, Duration fallback) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                Duration value = Duration.parse(text.get());
                if (value.isNegative()) {
                    throw new IllegalArgumentException(origin(key) + ": " + key + " = " + value + " is negative");
                }
                return value;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(origin(key) + ": " + key + " = '" + text.get()
                        + "' is not an ISO-8601 duration such as PT10M");
            }
        }

        /** An ISO-8601 duration such as P3D that must be positive. */
        Duration positiveDuration(String key, Duration fallback) {
            Duration value = duration(key, fallback);
            if (value.isZero()) {
                throw new IllegalArgumentException(origin(key) + ": " + key + " must be positive, such as P3D");
            }
            return value;
        }

        /** {@code true} or {@code false}, nothing else: a misspelt value must not silently mean false. */
        boolean bool(String key, boolean fallback) {
            Optional<String> text = optional(key);
            if (text.isEmpty()) {
                return fallback;
            }
            return switch (text.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(origin(key) + ": " + key + " = '" + text.get()
                        + "' is not true or false");
            };
        }

        int integer(String key, int fallback, int min, int max) {
            return (int) integer(key, (long) fallback, min, max);
        }

        @Override
        public String origin(String key) {
            return environment.containsKey(environmentName(key)) ? "environment variable " + environmentName(key)
                    : "configuration file " + path;
        }

        @Override
        public java.util.Set<String> fileKeys() {
            return file.stringPropertyNames();
        }

        @Override
        public Optional<String> environment(String variable) {
            return Optional.ofNullable(environment.get(variable));
        }

        java.util.Set<String> keys() {
            java.util.Set<String> keys = new TreeSet<>(file.stringPropertyNames());
            for (String env : environment.keySet()) {
                if (env.startsWith("CONCORD_LABEL_SOURCE_") && env.endsWith("_GLOB")) {
                    keys.add("label.source." + env.substring("CONCORD_LABEL_SOURCE_".length(),
                            env.length() - "_GLOB".length()) + ".glob");
                }
                if (env.startsWith("CONCORD_TAXII_PULL_") && env.endsWith("_URL")) {
                    keys.add("taxii.pull." + env.substring("CONCORD_TAXII_PULL_".length(),
                            env.length() - "_URL".length()) + ".url");
                }
                if (env.startsWith("CONCORD_TAXII_COLLECTION_") && env.endsWith("_ID")) {
                    keys.add("taxii.collection." + env.substring("CONCORD_TAXII_COLLECTION_".length(),
                            env.length() - "_ID".length()) + ".id");
                }
            }
            return keys;
        }
    }
}
