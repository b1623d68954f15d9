package io.golive.probe.dns;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Resolves a name with the system resolver, on a virtual thread abandoned at the deadline. */
public final class DnsProbe implements Probe<DnsConfig> {
    @Override
    public String kind() {
        return "dns";
    }

    @Override
    public Class<DnsConfig> configType() {
        return DnsConfig.class;
    }

    @Override
    public Observation run(DnsConfig c, ProbeContext context) {
        long limit = context.remaining().toMillis();
        CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                lookup.complete(InetAddress.getAllByName(c.name()));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        });
        List<String> addresses;
        try {
            addresses = Arrays.stream(lookup.get(limit, TimeUnit.MILLISECONDS))
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return Observation.error("DNS timeout: no answer for " + c.name() + " within " + limit + " ms");
        } catch (ExecutionException e) {
            return Observation.error("DNS failure: cannot resolve " + c.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Observation.error("interrupted");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addresses", addresses);
        List<String> missing =
                c.expect().stream().filter(a -> !addresses.contains(a)).toList();
        if (!missing.isEmpty()) {
            return new Observation(
                    Status.FAIL, c.name() + " resolves to " + addresses + ", not to " + missing, m, Map.of());
        }
        return new Observation(Status.PASS, c.name() + " resolves to " + String.join(", ", addresses), m, Map.of());
    }
}
