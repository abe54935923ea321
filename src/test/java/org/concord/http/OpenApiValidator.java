package org.concord.http;

import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON response against the served OpenAPI document with Atlassian's OpenAPI validator: the operation of
 * the path and method must exist, the status must be documented, and the body must match its schema.
 */
final class OpenApiValidator {

    private final OpenApiInteractionValidator validator;

    OpenApiValidator(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** The served document's validator. */
    static OpenApiValidator served() {
        return new OpenApiValidator(OpenApi.yaml());
    }

    /**
     * The errors of {@code body} against the documented response; empty when it conforms. {@code path} is the
     * request's path or the document's template of it.
     */
    List<String> validate(String path, String method, int status, JsonNode body) {
        SimpleResponse response = SimpleResponse.Builder.status(status).withContentType("application/json")
                .withBody(body.toString()).build();
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase()),
                response);
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The answer's JSON, after checking its status and that it is the documented answer for that status. */
    JsonNode conforming(String method, String documentedPath, java.net.http.HttpResponse<String> response,
                        int expectedStatus) throws java.io.IOException {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        JsonNode json = JSON.readTree(response.body());
        org.assertj.core.api.Assertions.assertThat(validate(documentedPath, method, response.statusCode(), json))
                .as("%s %s -> %d %s", method, documentedPath, response.statusCode(), response.body()).isEmpty();
        return json;
    }
}
