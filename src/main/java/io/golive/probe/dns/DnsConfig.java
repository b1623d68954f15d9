package io.golive.probe.dns;

import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code dns:} check: the name resolves, and to the expected addresses when they are given.
 *
 * @param expect addresses that must all be among the answers
 */
public record DnsConfig(String name, List<String> expect) implements ProbeConfig {
    public DnsConfig {
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        return problems;
    }
}
