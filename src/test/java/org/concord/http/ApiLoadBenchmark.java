package org.concord.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.access.PartyKind;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.ingest.IngestRequest;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.concord.store.CatalogSamples;
import org.concord.store.TestDatabases;

/**
 * The cost of enforcement on the catalog query endpoints: the same node, the same requests, answered by a baseline
 * server that does none of it, by one that authenticates and filters by label ("labels"), and by the real one, which
 * also appends every read to the audit log ("full"). wrk on loopback (2 threads, 16 connections) drives each endpoint
 * on each server for 2 s to warm up, then twice for {@code --seconds} (the second round in the opposite order);
 * the mean requests/s and the median and p99 latency are printed for each, with the ratios to the baseline. The node holds
 * the bundled catalog (26,389 objects, PUBLIC) plus 6,000 of its element sets as USA's (REL TO GBR,USA, AMBER) and
 * 3,000 as AUS's (REL TO AUS): the caller (a USA analyst) may see some labels and not others, so every query takes
 * the filtered path. Object 44713 is one whose newest orbit the caller may see (the common case); 25544 one whose
 * newest orbit is AUS's, hidden from the caller, so it is shown with an older one. Then the same caller asks, one
 * request at a time, for an object it may not see (only AUS holds an orbit of it) and for one that does not exist:
 * both answers must be the same 404, in the same time; the median and p99 of each are printed. Run it with
 * {@code scripts/bench-api [--seconds N] [--h2-only|--pg-only] [--endpoint PATH]...}.
 */
public final class ApiLoadBenchmark {

    private static final List<String> ENDPOINTS = List.of("/api/v1/objects?limit=100",
            "/api/v1/objects?name=starlink&limit=50&sort=-epoch", "/api/v1/objects?perigeeMaxKm=600&limit=100",
            "/api/v1/objects/44713", "/api/v1/objects/25544", "/api/v1/objects/25544/orbits");

    private static final long FORBIDDEN = 99_901;
    private static final long MISSING = 99_902;
    private static final int NOT_FOUND_ROUNDS = 2000;

    private ApiLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        boolean h2 = true;
        boolean pg = true;
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--h2-only" -> pg = false;
                case "--pg-only" -> h2 = false;
                case "--endpoint" -> endpoints.add(args[++i]);
                default -> {
                    System.err.println(
                            "usage: ApiLoadBenchmark [--seconds N] [--h2-only|--pg-only] [--endpoint PATH]...");
                    System.exit(2);
                }
            }
        }
        Path scratch = Files.createTempDirectory("concord-bench-api");
        if (h2) {
            run("H2", scratch.resolve("h2"), Map.of(), seconds, endpoints.isEmpty() ? ENDPOINTS : endpoints);
        }
        if (pg) {
            TestDatabases.PgServer server = TestDatabases.PgServer.fromEnvironment().orElseThrow(() ->
                    new IllegalStateException(TestDatabases.PG_URL + " is not set (scripts/bench-api starts one)"));
            TestDatabases.Handle db = server.createDatabase("benchapi");
            run("PostgreSQL", scratch.resolve("pg"), Map.of("CONCORD_DB_URL", db.url(), "CONCORD_DB_USER", db.user(),
                    "CONCORD_DB_PASSWORD", db.password()), seconds, endpoints.isEmpty() ? ENDPOINTS : endpoints);
            db.close();
        }
    }

    private static void run(String database, Path dataDirectory, Map<String, String> dbEnvironment, int seconds,
                            List<String> endpoints) throws Exception {
        Map<String, String> env = new HashMap<>(dbEnvironment);
        env.put("CONCORD_NODE_PARTY", "GBR");
        env.put("CONCORD_SAMPLE_LOAD", "true");
        env.put("CONCORD_AUDIT_CHECKPOINT_PERIOD", "PT0S");
        try (Node node = Node.open(NodeConfig.load(dataDirectory, Optional.empty(), env))) {
            System.out.println("== " + database + ": loading the bundled catalog and partner data ...");
            node.loadSampleCatalogIfEmpty(line -> { });
            byte[] catalog = CatalogSamples.fullCatalog();
            String[] lines = new String(catalog, StandardCharsets.US_ASCII).split("\\R");
            ingestSlice(node, lines, 0, 6000, "originator=USA;rel=REL TO GBR,USA;tlp=AMBER");
            ingestSlice(node, lines, 6000, 9000, "originator=AUS;rel=REL TO AUS;tlp=GREEN");
            String[] forbidden = {lines[0], renumbered(lines[1], FORBIDDEN), renumbered(lines[2], FORBIDDEN)};
            ingestSlice(node, forbidden, 0, 1, "originator=AUS;rel=REL TO AUS;tlp=GREEN");
            Principal admin = Principal.localOperator("bench");
            SharingService sharing = node.sharing();
            for (String party : List.of("USA", "AUS")) { // GBR, the node's own party, is registered on open
                sharing.addParty(party, party, PartyKind.NATION, admin);
            }
            sharing.addAgreement(new SharingService.Terms("GBR", new TreeSet<>(List.of("USA")),
                    java.util.Set.of(DataKind.ORBITS), true, Instant.now().minusSeconds(60), Optional.empty()), admin);
            sharing.addUser("usa-analyst", "USA", Role.ANALYST, admin);
            String token = sharing.createToken("usa-analyst", "bench", Duration.ofHours(2), admin).secret();
            ApiServer.Filters enforcing = ApiServer.Filters.of(node);
            ApiServer.Filters withoutReadAudit = new ApiServer.Filters(enforcing.authenticate(),
                    enforcing.chargeAnonymous(), ctx -> { });
            // every request the local operator's, whose label filter lets everything through: no enforcement at all
            ApiServer.Filters none = new ApiServer.Filters(
                    ctx -> Callers.set(ctx, Principal.localOperator("benchmark-baseline")), ctx -> { }, ctx -> { });
            try (ApiServer enforced = new ApiServer(node);
                 ApiServer labelsOnly = new ApiServer(node, withoutReadAudit);
                 ApiServer baseline = new ApiServer(node, none)) {
                String withEnforcement = "http://127.0.0.1:" + enforced.start("127.0.0.1", 0);
                String withoutAudit = "http://127.0.0.1:" + labelsOnly.start("127.0.0.1", 0);
                String without = "http://127.0.0.1:" + baseline.start("127.0.0.1", 0);
                System.out.printf("%-52s %10s %9s %9s %10s %9s %9s %7s %10s %9s %9s %7s%n",
                        "endpoint (" + database + ")", "base r/s", "base p50", "base p99", "labels r/s", "lab. p50",
                        "lab. p99", "ratio", "full r/s", "full p50", "full p99", "ratio");
                // the first runs after start-up would otherwise measure the JIT compiler at work
                for (String endpoint : endpoints) {
                    wrk(without + endpoint, Optional.empty(), 2);
                    wrk(withoutAudit + endpoint, Optional.of(token), 2);
                    wrk(withEnforcement + endpoint, Optional.of(token), 2);
                }
                node.audit().flush();
                for (String endpoint : endpoints) {
                    // two rounds, the second in the opposite order, so that neither side always runs first (after
                    // another endpoint) or last (after the audit's appends): each figure is the mean of the two
                    List<Result> bases = new ArrayList<>();
                    List<Result> labelled = new ArrayList<>();
                    List<Result> audited = new ArrayList<>();
                    for (int round = 0; round < 2; round++) {
                        List<Runnable> runs = new ArrayList<>(List.of(
                                measure(bases, without + endpoint, Optional.empty(), seconds),
                                measure(labelled, withoutAudit + endpoint, Optional.of(token), seconds),
                                measure(audited, withEnforcement + endpoint, Optional.of(token), seconds)));
                        if (round == 1) {
                            java.util.Collections.reverse(runs);
                        }
                        for (Runnable run : runs) {
                            run.run();
                            node.audit().flush();
                        }
                    }
                    Result base = Result.mean(bases);
                    Result labels = Result.mean(labelled);
                    Result full = Result.mean(audited);
                    System.out.printf("%-52s %10.0f %7.2fms %7.2fms %10.0f %7.2fms %7.2fms %6.1f%% %10.0f %7.2fms"
                                    + " %7.2fms %6.1f%%%n", endpoint,
                            base.requestsPerSecond(), base.p50Millis(), base.p99Millis(), labels.requestsPerSecond(),
                            labels.p50Millis(), labels.p99Millis(),
                            100 * labels.requestsPerSecond() / base.requestsPerSecond(),
                            full.requestsPerSecond(), full.p50Millis(), full.p99Millis(),
                            100 * full.requestsPerSecond() / base.requestsPerSecond());
                    node.audit().flush();
                }
                timeNotFound(withEnforcement, token);
                node.audit().flush();
                System.out.println("audit entries appended by the enforced runs: " + node.audit().size());
            }
        }
    }

    private static void ingestSlice(Node node, String[] lines, int from, int to, String label) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(lines[3 * i]).append('\n').append(lines[3 * i + 1]).append('\n').append(lines[3 * i + 2])
                    .append('\n');
        }
        node.ingest().ingest(new IngestRequest("bench-" + from + ".tle", text.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.parse(label, Label.publicFrom("GBR"))), "bench", false, Optional.empty()));
    }

    /** A TLE line of another object: its catalog number replaced, its checksum recomputed. */
    private static String renumbered(String line, long noradId) {
        String body = line.substring(0, 2) + String.format("%05d", noradId) + line.substring(7, 68);
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
        }
        return body + sum % 10;
    }

    /** Forbidden and missing objects asked for in turn, one at a time: the same answer, and the time of each. */
    private static void timeNotFound(String base, String token) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Map<Long, List<Long>> nanos = Map.of(FORBIDDEN, new ArrayList<>(), MISSING, new ArrayList<>());
        Map<Long, String> bodies = new HashMap<>();
        for (int round = 0; round < NOT_FOUND_ROUNDS; round++) {
            for (long id : round % 2 == 0 ? List.of(FORBIDDEN, MISSING) : List.of(MISSING, FORBIDDEN)) {
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/v1/objects/" + id)).header("Authorization", "Bearer " + token)
                        .build();
                long start = System.nanoTime();
                java.net.http.HttpResponse<String> response = http.send(request,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 404) {
                    throw new IllegalStateException("object " + id + ": status " + response.statusCode());
                }
                bodies.put(id, response.body().replace(Long.toString(id), "ID"));
                if (round >= NOT_FOUND_ROUNDS / 10) {
                    nanos.get(id).add(took);
                }
            }
        }
        if (!bodies.get(FORBIDDEN).equals(bodies.get(MISSING))) {
            throw new IllegalStateException("forbidden and missing differ: " + bodies);
        }
        for (long id : List.of(FORBIDDEN, MISSING)) {
            List<Long> sorted = nanos.get(id).stream().sorted().toList();
            System.out.printf("%-52s median %6.2fms  p99 %6.2fms  (%d requests, one at a time)%n",
                    "/api/v1/objects/" + id + (id == FORBIDDEN ? " (forbidden)" : " (missing)"),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.size());
        }
    }

    private record Result(double requestsPerSecond, double p50Millis, double p99Millis) {

        static Result mean(List<Result> results) {
            return new Result(results.stream().mapToDouble(Result::requestsPerSecond).average().orElseThrow(),
                    results.stream().mapToDouble(Result::p50Millis).average().orElseThrow(),
                    results.stream().mapToDouble(Result::p99Millis).average().orElseThrow());
        }
    }

    /** One wrk run, its result added to {@code results}. */
    private static Runnable measure(List<Result> results, String url, Optional<String> token, int seconds) {
        return () -> {
            try {
                results.add(wrk(url, token, seconds));
            } catch (Exception e) {
                throw new IllegalStateException(url, e);
            }
        };
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private static Result wrk(String url, Optional<String> token, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency"));
        token.ifPresent(t -> command.addAll(List.of("-H", "Authorization: Bearer " + t)));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(l -> out.append(l).append('\n'));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher errors = NON_2XX.matcher(out);
        if (errors.find()) {
            throw new IllegalStateException(url + ": " + errors.group(1) + " answers were not 2xx:\n" + out);
        }
        Matcher rps = RPS.matcher(out);
        Matcher p50 = P50.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rps.find() || !p50.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        return new Result(Double.parseDouble(rps.group(1)), millis(p50), millis(p99));
    }

    private static double millis(Matcher latency) {
        double value = Double.parseDouble(latency.group(1));
        return switch (latency.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
