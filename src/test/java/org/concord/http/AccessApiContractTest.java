package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parties, users, tokens and agreements over HTTP answer as the OpenAPI document says. */
class AccessApiContractTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode documented(String method, String documentedPath, String url, String body,
                                       int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, url, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        JsonNode json = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), json))
                .as("%s %s -> %d %s", method, url, response.statusCode(), response.body()).isEmpty();
        return json;
    }

    @Test
    void partiesUsersTokensAndAgreementsAreTheDocumentedShapes() throws Exception {
        assertThat(documented("GET", "/api/v1/whoami", "/api/v1/whoami", null, 200).get("role").asText())
                .isEqualTo("admin");
        String nodeParty = documented("GET", "/api/v1/whoami", "/api/v1/whoami", null, 200).get("nodeParty").asText();
        documented("POST", "/api/v1/parties", "/api/v1/parties", "{\"code\": \"FRA\", \"name\": \"France\","
                + " \"kind\": \"nation\"}", 201);
        documented("POST", "/api/v1/parties", "/api/v1/parties", "{\"code\": \"EUR\", \"name\": \"Europe\","
                + " \"kind\": \"group\"}", 201);
        assertThat(send("PUT", "/api/v1/parties/EUR/members/FRA", null).statusCode()).isEqualTo(204);
        assertThat(documented("GET", "/api/v1/parties", "/api/v1/parties", null, 200).get("items"))
                .anySatisfy(p -> assertThat(p.get("members")).extracting(JsonNode::asText).containsExactly("FRA"));
        documented("DELETE", "/api/v1/parties/{group}/members/{member}", "/api/v1/parties/EUR/members/DEU", null,
                404);

        documented("POST", "/api/v1/users", "/api/v1/users", "{\"name\": \"ana\", \"party\": \"" + nodeParty
                + "\", \"role\": \"analyst\"}", 201);
        documented("GET", "/api/v1/users", "/api/v1/users", null, 200);
        JsonNode token = documented("POST", "/api/v1/users/{name}/tokens", "/api/v1/users/ana/tokens",
                "{\"description\": \"contract\", \"lifetimeDays\": 7}", 201);
        assertThat(token.get("token").asText()).isNotBlank();
        assertThat(documented("GET", "/api/v1/tokens", "/api/v1/tokens", null, 200).toString())
                .doesNotContain(token.get("token").asText());
        assertThat(send("DELETE", "/api/v1/tokens/" + token.get("id").asLong(), null).statusCode()).isEqualTo(204);

        String terms = "{\"grantor\": \"" + nodeParty + "\", \"recipients\": [\"FRA\"], \"kinds\": [\"orbits\"]}";
        long id = documented("POST", "/api/v1/agreements", "/api/v1/agreements", terms, 201).get("id").asLong();
        documented("GET", "/api/v1/agreements", "/api/v1/agreements", null, 200);
        documented("GET", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, null, 200);
        assertThat(documented("PUT", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, terms, 200)
                .get("version").asInt()).isEqualTo(2);
        assertThat(documented("DELETE", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, null, 200)
                .get("revokedAt").isNull()).isFalse();
        documented("GET", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/987654", null, 404);
    }
}
