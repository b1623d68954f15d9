package io.golive.load;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind of request a load test sends.
 *
 * @param url an {@code http://} address
 * @param method the HTTP method, {@code GET} by default
 * @param headers extra headers, in order ({@code Host}, {@code Content-Length} are added)
 * @param body the request body in UTF-8, empty for none
 * @param weight how often this request is chosen relative to the others of the plan
 */
public record LoadRequest(URI url, String method, Map<String, String> headers, String body, int weight) {
    public LoadRequest {
        requireNonNull(url, "null url");
        method = method == null || method.isBlank() ? "GET" : method.strip().toUpperCase(java.util.Locale.ROOT);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        body = body == null ? "" : body;
    }

    /** A GET of one address. */
    public static LoadRequest get(URI url) {
        return new LoadRequest(url, "GET", Map.of(), "", 1);
    }

    /** The same request with other headers, body and method. */
    public LoadRequest with(String newMethod, Map<String, String> newHeaders, String newBody) {
        return new LoadRequest(url, newMethod, newHeaders, newBody, weight);
    }

    /** The request as shown in evidence: method and address. */
    @Override
    public String toString() {
        return method + " " + url;
    }
}
