package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's files over plain HTTP: free of the anonymous rate and gate, which still hold for the API. */
class ConsoleRoutesTest {

    private static final int BURST = 5;

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty().in(Map.of(
            "CONCORD_HTTP_ANONYMOUS_BURST", Integer.toString(BURST),
            "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1",
            "CONCORD_HTTP_ANONYMOUS_CONCURRENCY", "1"));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageLoadsAllItsFilesAtOnceWithoutSpendingTheAnonymousRate() {
        List<String> files = List.of("/", "/console/app.js", "/console/api.js", "/console/ui.js",
                "/console/style.css", "/console/views/conjunctions.js", "/console/vendor/d3-geo.min.js");
        List<CompletableFuture<HttpResponse<String>>> loads = IntStream.range(0, 4 * BURST)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(SERVED.base()
                        + files.get(i % files.size()))).build(), HttpResponse.BodyHandlers.ofString())).toList();
        assertThat(loads).extracting(l -> l.join().statusCode()).containsOnly(200);
        List<Integer> api = IntStream.range(0, BURST + 1).mapToObj(i -> get("/api/v1/status")).toList();
        assertThat(api.subList(0, BURST)).containsOnly(200);
        assertThat(api.getLast()).as("the API's anonymous rate, still whole after the files").isEqualTo(429);
    }

    @Test
    void theFilesReadNoToken() {
        HttpResponse<String> r = http.sendAsync(HttpRequest.newBuilder(URI.create(SERVED.base() + "/console/app.js"))
                .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString()).join();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(get("/?view=objects")).as("a query: the console's views live after the '#'").isEqualTo(400);
    }

    @Test
    void namesOutsideTheConsolesFoldersAreNotServed() {
        for (String path : List.of("/console/../pom.xml", "/console/views/..%2F..%2Fpom.xml", "/console/app.class",
                "/console/org/concord/http/ConsoleRoutes.class", "/console/.hidden.js", "/console/VENDORING.md",
                "/console/vendor/VENDORING.md", "/console/public/index.html", "/console/nothing.js",
                "/console/cesium/../../pom.xml", "/console/cesium/Workers/..%2F..%2F..%2Fpom.xml",
                "/console/cesium/.hidden/Cesium.js", "/console/cesium/Workers/.chunk.js", "/console/cesium/Cesium.md",
                "/console/cesium/Assets//Images/ion-credit.png", "/console/cesium/nothing.js")) {
            assertThat(get(path)).as(path).isEqualTo(404);
        }
    }

    @Test
    void cesiumsTreeIsServedWithItsTypes() {
        for (var file : Map.of("/console/cesium/Cesium.js", "text/javascript; charset=utf-8",
                "/console/cesium/Assets/Textures/NaturalEarthII/0/0/0.jpg", "image/jpeg",
                "/console/cesium/Assets/Textures/NaturalEarthII/tilemapresource.xml", "application/xml",
                "/console/cesium/Widgets/CesiumWidget/CesiumWidget.css", "text/css; charset=utf-8").entrySet()) {
            HttpResponse<byte[]> r = http.sendAsync(HttpRequest.newBuilder(URI.create(SERVED.base() + file.getKey()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).join();
            assertThat(r.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(file.getKey()).hasValue(file.getValue());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(file.getKey())
                    .hasValue(ConsoleRoutes.CONTENT_SECURITY_POLICY);
        }
    }

    private int get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(SERVED.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).join().statusCode();
    }
}
