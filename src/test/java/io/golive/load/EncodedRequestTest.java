package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedRequestTest {
    private static String encode(LoadRequest r) {
        return new String(EncodedRequest.encode(r), StandardCharsets.UTF_8);
    }

    @Test
    void getCarriesPathQueryAndHost() {
        String text = encode(LoadRequest.get(URI.create("http://127.0.0.1:8080/a/b?x=1&y=%20")));

        assertThat(text)
                .startsWith("GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
                .endsWith("\r\n\r\n")
                .doesNotContain("Content-Length");
    }

    @Test
    void bodyGetsItsLengthInBytesAndHeadersKeepTheirOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer t");
        String text = encode(LoadRequest.get(URI.create("http://localhost/")).with("POST", headers, "{\"é\":1}"));

        assertThat(text)
                .startsWith("POST / HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer t\r\n")
                .contains("Content-Length: 8\r\n\r\n{\"é\":1}");
    }

    @Test
    void hostHeaderGivenIsNotRepeated() {
        String text = encode(LoadRequest.get(URI.create("http://127.0.0.1/")).with("GET", Map.of("Host", "shop"), ""));

        assertThat(text).containsOnlyOnce("Host:").contains("Host: shop\r\n");
    }

    @Test
    void withoutKeepAliveTheServerIsAskedToClose() {
        LoadRequest r = LoadRequest.get(URI.create("http://127.0.0.1/"));

        assertThat(new String(EncodedRequest.encode(r, false), StandardCharsets.UTF_8))
                .contains("\r\nConnection: close\r\n");
        assertThat(encode(r)).doesNotContainIgnoringCase("connection:");
    }
}
