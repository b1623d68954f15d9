package io.golive.probe.metrics;

import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.spec.Secrets;
import io.golive.spec.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a Prometheus or Alertmanager API answers: the check's {@code url}, or its named target's, with
 * the target's headers overridden by the check's own.
 */
record ApiEndpoint(URI base, Map<String, String> headers) {
    private static final String MASK = "****";

    /** The location fields both probes share. */
    interface Fields {
        Optional<String> url();

        Optional<String> target();

        Map<String, String> headers();
    }

    ApiEndpoint {
        headers = Map.copyOf(headers);
    }

    /** Problems with the location fields, for {@code validate()}. */
    static List<String> validate(Fields f) {
        List<String> problems = new ArrayList<>();
        if (f.url().isPresent() == f.target().isPresent()) {
            problems.add("give either url or target");
        }
        f.url().flatMap(ApiEndpoint::urlProblem).ifPresent(problems::add);
        return problems;
    }

    /** Resolves the endpoint; throws {@link IllegalArgumentException} when the target has no usable url. */
    static ApiEndpoint of(Fields f, ProbeContext context) {
        Optional<Target> target = f.target().flatMap(context::target);
        if (f.target().isPresent() && target.isEmpty()) {
            throw new IllegalArgumentException("no target '" + f.target().get() + "'");
        }
        String url = f.url()
                .or(() -> target.flatMap(Target::url))
                .orElseThrow(() ->
                        new IllegalArgumentException("target '" + f.target().orElse("?") + "' has no url"));
        urlProblem(url).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        Map<String, String> headers =
                new LinkedHashMap<>(target.map(Target::headers).orElse(Map.of()));
        headers.putAll(f.headers());
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new ApiEndpoint(URI.create(base), headers);
    }

    static Optional<String> urlProblem(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                return Optional.of("url must be http:// or https:// with a host: " + url);
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("the url holds credentials: send them in headers (Authorization: ${TOKEN})");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("bad url '" + url + "': " + e.getReason());
        }
    }

    /** The API path under the base url, with its query parameters encoded. */
    URI resolve(String path, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** host:port for messages. */
    String authority() {
        int port = base.getPort() > 0 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
        return base.getHost() + ":" + port;
    }

    /** The headers as evidence, the values of credential headers masked. */
    String shownHeaders() {
        return headers.entrySet().stream()
                .map(e -> e.getKey() + ": " + (isCredential(e.getKey()) ? MASK : e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** The observation with credential header values masked, and the server it asked as evidence. */
    Observation masked(Observation o) {
        Secrets mask = new Secrets(credentials());
        Map<String, Object> measurements = new LinkedHashMap<>();
        o.measurements().forEach((k, v) -> measurements.put(k, v instanceof String t ? mask.mask(t) : v));
        Map<String, String> evidence = new LinkedHashMap<>();
        o.evidence().forEach((k, v) -> evidence.put(k, mask.mask(v)));
        return new Observation(o.status(), mask.mask(o.summary()), measurements, evidence)
                .withEvidence("server", base.toString());
    }

    /** The values of credential headers, to mask wherever they might be echoed back. */
    List<String> credentials() {
        return headers.entrySet().stream()
                .filter(e -> isCredential(e.getKey()))
                .flatMap(e -> credentialParts(e.getValue()))
                .toList();
    }

    private static java.util.stream.Stream<String> credentialParts(String value) {
        // "Bearer abc" is masked whole and as "abc", which an error message may quote alone.
        int space = value.indexOf(' ');
        return space < 0
                ? java.util.stream.Stream.of(value)
                : java.util.stream.Stream.of(value, value.substring(space + 1).strip());
    }

    private static boolean isCredential(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.equals("authorization")
                || h.equals("cookie")
                || h.contains("token")
                || h.contains("key")
                || h.contains("secret")
                || h.contains("password")
                || h.contains("auth");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
