package io.golive.probe.metrics;

import io.golive.probe.Observation;
import java.util.Map;
import java.util.Optional;

/** The evidence every query carries: the query, the request as sent (credentials masked), the threshold. */
final class Evidence {
    private Evidence() {}

    static Observation of(
            Observation o,
            PrometheusApi api,
            String path,
            Map<String, String> params,
            String query,
            Optional<Expectation> expect) {
        String headers = api.endpoint().shownHeaders();
        Observation out = o.withEvidence("query", query)
                .withEvidence(
                        "request", "GET " + api.uri(path, params) + (headers.isEmpty() ? "" : " (" + headers + ")"));
        return expect.map(e -> out.withEvidence("expect", e.evidence())).orElse(out);
    }
}
