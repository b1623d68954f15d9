package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFileTest {
    @Test
    void yamlListOfWeightedRequestsIsRead() {
        List<LoadRequest> requests = RequestFile.parse("r.yaml", """
                requests:
                  - url: http://127.0.0.1:8080/products
                    weight: 9
                  - url: http://127.0.0.1:8080/cart
                    method: post
                    headers: { Content-Type: application/json }
                    body: '{"sku": 42}'
                """);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).weight()).isEqualTo(9);
        assertThat(requests.get(1).method()).isEqualTo("POST");
        assertThat(requests.get(1).headers()).containsEntry("Content-Type", "application/json");
        assertThat(requests.get(1).body()).isEqualTo("{\"sku\": 42}");
    }

    @Test
    void jsonListOfAddressesIsRead() {
        assertThat(RequestFile.parse("r.json", "[\"http://127.0.0.1/a\", {\"url\": \"http://127.0.0.1/b\"}]"))
                .extracting(r -> r.url().getPath())
                .containsExactly("/a", "/b");
    }

    @Test
    void everyBadEntryIsReportedWithItsNumber() {
        assertThatThrownBy(() -> RequestFile.parse("r.yaml", """
                        - url: http://127.0.0.1/
                          wieght: 2
                        - method: GET
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("r.yaml: request 1: unknown key 'wieght'")
                .hasMessageContaining("r.yaml: request 2: missing url");
    }

    @Test
    void notAListIsBadInput() {
        assertThatThrownBy(() -> RequestFile.parse("r.yaml", "url: http://127.0.0.1/"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a list");
    }

    @Test
    void aFileThatDoesNotParseNamesItsLineAndNoParserWords() {
        assertThatThrownBy(() -> RequestFile.parse("r.json", "[\n  {\"url\": \"http://127.0.0.1/\",\n  ]"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("r.json:")
                .hasMessageContaining("not YAML or JSON")
                .hasMessageNotContaining("token")
                .hasMessageNotContaining("Unexpected");
    }
}
