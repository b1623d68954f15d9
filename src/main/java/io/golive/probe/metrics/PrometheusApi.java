package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Prometheus HTTP API ({@code /api/v1}): an answer's {@code data} unwrapped from its envelope, and
 * an error answer turned into an {@link ApiException} carrying Prometheus's own message.
 */
final class PrometheusApi {
    private final ApiClient client;
    private final ApiEndpoint endpoint;

    PrometheusApi(ApiClient client, ApiEndpoint endpoint) {
        this.client = requireNonNull(client, "null client");
        this.endpoint = requireNonNull(endpoint, "null endpoint");
    }

    /** The data of a successful answer, and the warnings Prometheus attached to it. */
    record Reply(JsonNode data, List<String> warnings) {}

    ApiEndpoint endpoint() {
        return endpoint;
    }

    /** The URI a GET of {@code path} with {@code params} goes to (also the evidence of what was sent). */
    URI uri(String path, Map<String, String> params) {
        return endpoint.resolve(path, params);
    }

    Reply get(String path, Map<String, String> params, Duration timeout) throws ApiException {
        ApiClient.Answer a = client.get(endpoint, uri(path, params), timeout);
        if (a.status() == 401 || a.status() == 403) {
            throw new ApiException("HTTP " + a.status() + " from Prometheus at " + endpoint.authority()
                    + ": the request was refused (check the credentials in headers)");
        }
        JsonNode n = ApiClient.parse(a, "a Prometheus API answer from " + endpoint.authority() + path);
        String status = n.path("status").asString("");
        if (status.equals("error")) {
            throw new ApiException(
                    "Prometheus refused the query (" + n.path("errorType").asString("error") + "): "
                            + n.path("error").asString("no message"));
        }
        if (!status.equals("success") || !n.has("data")) {
            throw new ApiException(
                    "not a Prometheus API answer (HTTP " + a.status() + "): " + ApiClient.snippet(a.body()));
        }
        List<String> warnings = new ArrayList<>();
        n.path("warnings").forEach(w -> warnings.add(w.asString("")));
        return new Reply(n.path("data"), warnings);
    }
}
