package org.concord.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The OpenAPI 3 description of the API, kept as {@code openapi.yaml} in the resources and served as is. */
public final class OpenApi {

    private static final String RESOURCE = "/org/concord/http/openapi.yaml";
    private static volatile String yaml;
    private static volatile String json;

    private OpenApi() {
    }

    public static String yaml() {
        if (yaml == null) {
            try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return yaml;
    }

    public static JsonNode tree() {
        try {
            return new YAMLMapper().readTree(yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json() {
        if (json == null) {
            try {
                json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
