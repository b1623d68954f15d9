package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The Alertmanager HTTP API ({@code /api/v2}): JSON answers, and an error for any answer that is not 2xx. */
final class AlertmanagerApi {
    private final ApiClient client;
    private final ApiEndpoint endpoint;

    AlertmanagerApi(ApiClient client, ApiEndpoint endpoint) {
        this.client = requireNonNull(client, "null client");
        this.endpoint = requireNonNull(endpoint, "null endpoint");
    }

    ApiEndpoint endpoint() {
        return endpoint;
    }

    JsonNode get(String path, Map<String, String> params, Duration timeout) throws ApiException {
        ApiClient.Answer a = client.get(endpoint, endpoint.resolve(path, params), timeout);
        requireOk(a, "GET " + path);
        return ApiClient.parse(a, "an Alertmanager API answer from " + endpoint.authority() + path);
    }

    void post(String path, String json, Duration timeout) throws ApiException {
        requireOk(client.postJson(endpoint, endpoint.resolve(path, Map.of()), json, timeout), "POST " + path);
    }

    /** A page outside the API (a receiver's record of what it got): its body when it answers 2xx. */
    String page(ApiEndpoint page, Duration timeout) throws ApiException {
        ApiClient.Answer a = client.get(page, page.base(), timeout);
        if (a.status() / 100 != 2) {
            throw new ApiException("HTTP " + a.status() + " from " + page.base() + ": " + ApiClient.snippet(a.body()));
        }
        return a.body();
    }

    private void requireOk(ApiClient.Answer a, String what) throws ApiException {
        if (a.status() / 100 != 2) {
            throw new ApiException("HTTP " + a.status() + " from Alertmanager at " + endpoint.authority() + " for "
                    + what + (a.status() == 401 || a.status() == 403 ? " (check the credentials in headers)" : "")
                    + ": " + ApiClient.snippet(a.body()));
        }
    }
}
