package io.golive.probe.metrics;

import io.golive.probe.ProbeConfig;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code alertmanager:} check: Alertmanager answers, a named receiver is configured and routed to,
 * and with {@code sendTest} a test alert reaches it.
 *
 * @param url the Alertmanager base url ({@code http://alertmanager:9093}); or {@code target}
 * @param headers sent with every request to Alertmanager; credential values are masked
 * @param receiver the receiver that must exist in the loaded configuration (and receive the test alert)
 * @param sendTest post a uniquely labelled test alert and wait for the proof it was routed (and delivered)
 * @param labels extra labels of the test alert, so that the route to {@code receiver} matches it
 * @param deliveredUrl a page where the receiver records what it got (a webhook sink's log): the test
 *     alert is delivered when that page shows its id
 * @param timeout how long to wait for the test alert's proof (default: until the check's time limit)
 */
public record AlertmanagerConfig(
        Optional<String> url,
        Optional<String> target,
        Map<String, String> headers,
        String receiver,
        Boolean sendTest,
        Map<String, String> labels,
        String deliveredUrl,
        String timeout)
        implements ProbeConfig, ApiEndpoint.Fields {
    public AlertmanagerConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        sendTest = sendTest != null && sendTest;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(ApiEndpoint.validate(this));
        if (!sendTest() && (deliveredUrl != null || !labels.isEmpty() || timeout != null)) {
            problems.add("deliveredUrl, labels and timeout apply to the test alert: add sendTest: true");
        }
        if (deliveredUrl != null) {
            ApiEndpoint.urlProblem(deliveredUrl).ifPresent(p -> problems.add("deliveredUrl: " + p));
        }
        for (String reserved : List.of("alertname", TestAlert.ID_LABEL)) {
            if (labels.containsKey(reserved)) {
                problems.add("labels: '" + reserved + "' is set by golive on the test alert");
            }
        }
        if (timeout != null) {
            try {
                Durations.parse(timeout);
            } catch (IllegalArgumentException e) {
                problems.add("timeout: " + e.getMessage());
            }
        }
        return problems;
    }
}
