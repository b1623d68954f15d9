package io.golive.load;

import io.golive.InputException;
import io.golive.ParseErrors;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a weighted list of requests from YAML or JSON: a list (or a {@code requests:} list) of
 * {@code {url, method, headers, body, weight}} entries.
 *
 * <pre>
 * requests:
 *   - url: http://127.0.0.1:8080/products
 *     weight: 9
 *   - url: http://127.0.0.1:8080/cart
 *     method: POST
 *     headers: { Content-Type: application/json }
 *     body: '{"sku": 42}'
 * </pre>
 */
public final class RequestFile {
    private static final Set<String> KEYS = Set.of("url", "method", "headers", "body", "weight");

    private RequestFile() {}

    /** Reads the file; throws {@link InputException} naming the file and every problem found. */
    public static List<LoadRequest> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses the text of a request file named {@code name} in messages. */
    public static List<LoadRequest> parse(String name, String text) {
        Object root;
        try {
            root = new YAMLMapper().readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new InputException(name + ":" + ParseErrors.line(e)
                    + ": not YAML or JSON (a list of requests: url, method, headers, body, weight)");
        }
        if (root instanceof Map<?, ?> map && map.containsKey("requests")) {
            root = map.get("requests");
        }
        if (!(root instanceof List<?> entries) || entries.isEmpty()) {
            throw new InputException(name + ": expected a list of requests (url, method, headers, body, weight)");
        }
        List<String> problems = new ArrayList<>();
        List<LoadRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = name + ": request " + (i + 1) + ": ";
            try {
                requests.add(entry(entries.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return requests;
    }

    private static LoadRequest entry(Object entry) {
        if (entry instanceof String url) {
            return LoadRequest.get(uri(url));
        }
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a mapping with url, method, headers, body, weight");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(
                        "unknown key '" + key + "' (known: url, method, headers, body, weight)");
            }
        }
        if (!(map.get("url") instanceof String url)) {
            throw new IllegalArgumentException("missing url");
        }
        Object weight = map.get("weight");
        if (weight != null && !(weight instanceof Integer)) {
            throw new IllegalArgumentException("weight must be a whole number");
        }
        return new LoadRequest(
                uri(url),
                map.get("method") == null ? "GET" : String.valueOf(map.get("method")),
                headers(map.get("headers")),
                map.get("body") == null ? "" : String.valueOf(map.get("body")),
                weight == null ? 1 : (Integer) weight);
    }

    private static Map<String, String> headers(Object value) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        } else if (value != null) {
            throw new IllegalArgumentException("headers must be a mapping of name: value");
        }
        return headers;
    }

    /** An address as given on the command line or in a file. */
    public static URI uri(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "bad address '" + text + "' (write it like http://127.0.0.1:8080/path)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad address '" + text + "': " + e.getReason());
        }
    }
}
