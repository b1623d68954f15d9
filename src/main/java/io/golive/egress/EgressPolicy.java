package io.golive.egress;

import io.golive.InputException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where golive may connect on behalf of a spec: an allow list of address blocks and host names
 * (none: everywhere), a deny list, and the addresses that are always denied when a policy is in force
 * (link-local and the cloud metadata services). Deny wins.
 */
public final class EgressPolicy {
    /** Always denied under a policy: link-local blocks and the cloud metadata services. */
    static final List<String> ALWAYS_DENIED = List.of(
            "169.254.0.0/16", "fe80::/10", "169.254.169.254/32", "fd00:ec2::254/128", "metadata.google.internal");

    private static final String REFUSAL = " is not allowed on this server (";
    private static final EgressPolicy UNRESTRICTED =
            new EgressPolicy(false, List.of(), List.of(), List.of(), List.of(), "");

    private final boolean restricted;
    private final List<Cidr> allowBlocks;
    private final List<String> allowNames;
    private final List<Cidr> denyBlocks;
    private final List<String> denyNames;
    private final String setting;

    private EgressPolicy(
            boolean restricted,
            List<Cidr> allowBlocks,
            List<String> allowNames,
            List<Cidr> denyBlocks,
            List<String> denyNames,
            String setting) {
        this.restricted = restricted;
        this.allowBlocks = List.copyOf(allowBlocks);
        this.allowNames = List.copyOf(allowNames);
        this.denyBlocks = List.copyOf(denyBlocks);
        this.denyNames = List.copyOf(denyNames);
        this.setting = setting;
    }

    /** No policy: golive on a person's own machine connects wherever the spec says. */
    public static EgressPolicy unrestricted() {
        return UNRESTRICTED;
    }

    /**
     * A policy from the comma-separated {@code allow} (empty: everything) and {@code deny} lists.
     *
     * @param setting the setting's name for messages, e.g. {@code golive.egress.allow}
     * @throws InputException naming every entry that is neither an address block nor a host name
     */
    public static EgressPolicy of(String allow, String deny, String setting) {
        List<String> problems = new ArrayList<>();
        List<Cidr> allowBlocks = new ArrayList<>();
        List<String> allowNames = new ArrayList<>();
        List<Cidr> denyBlocks = new ArrayList<>();
        List<String> denyNames = new ArrayList<>();
        split(allow, allowBlocks, allowNames, problems, "allow");
        split(String.join(",", ALWAYS_DENIED) + "," + deny, denyBlocks, denyNames, problems, "deny");
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new EgressPolicy(true, allowBlocks, allowNames, denyBlocks, denyNames, setting);
    }

    public boolean restricted() {
        return restricted;
    }

    /** Why {@code host}, by its name alone, may not be reached; empty when its addresses decide. */
    public Optional<String> refusalOfName(String host) {
        if (!restricted) {
            return Optional.empty();
        }
        String name = normal(host);
        if (denyNames.stream().anyMatch(p -> matches(p, name))) {
            return Optional.of(refusalText(name));
        }
        return Optional.empty();
    }

    /** Why connecting to {@code address} (found for {@code host}) is not allowed; empty when it is. */
    public Optional<String> refusal(String host, InetAddress address) {
        if (!restricted) {
            return Optional.empty();
        }
        Optional<String> byName = refusalOfName(host);
        if (byName.isPresent()) {
            return byName;
        }
        String shown = address.getHostAddress();
        if (denyBlocks.stream().anyMatch(b -> b.contains(address))) {
            return Optional.of(refusalText(shown));
        }
        if (allowBlocks.isEmpty() && allowNames.isEmpty()) {
            return Optional.empty();
        }
        String name = normal(host);
        boolean allowed = allowBlocks.stream().anyMatch(b -> b.contains(address))
                || allowNames.stream().anyMatch(p -> matches(p, name));
        return allowed ? Optional.empty() : Optional.of(refusalText(shown));
    }

    /** Why a host written in a spec may not be reached, decided without a name lookup: literals and denied names. */
    public Optional<String> refusalOfLiteral(String host) {
        Optional<String> byName = refusalOfName(host);
        if (byName.isPresent()) {
            return byName;
        }
        return Cidr.Literals.address(host).flatMap(a -> refusal(host, a));
    }

    private String refusalText(String what) {
        return "egress to " + what + REFUSAL + setting + ")";
    }

    /** Whether {@code message} is a refusal of this policy (for recording refusals once they are observations). */
    public static boolean isRefusal(String message) {
        return message.startsWith("egress to ") && message.contains(REFUSAL);
    }

    @Override
    public String toString() {
        if (!restricted) {
            return "unrestricted";
        }
        return "allow "
                + (allowBlocks.isEmpty() && allowNames.isEmpty() ? "everything" : describe(allowBlocks, allowNames))
                + "; deny " + describe(denyBlocks, denyNames);
    }

    private static String describe(List<Cidr> blocks, List<String> names) {
        List<String> all = new ArrayList<>();
        blocks.forEach(b -> all.add(b.text()));
        all.addAll(names);
        return String.join(", ", all);
    }

    private static void split(String list, List<Cidr> blocks, List<String> names, List<String> problems, String which) {
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Cidr> block = Cidr.parse(entry);
            if (block.isPresent()) {
                blocks.add(block.get());
            } else if (entry.matches("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?")
                    && !entry.contains("/")) {
                names.add(normal(entry));
            } else {
                problems.add("egress " + which + " list: \"" + entry
                        + "\" is neither an address block (10.0.0.0/8, ::1/128) nor a host name (*.example.com)");
            }
        }
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            return name.endsWith(pattern.substring(1));
        }
        return name.equals(pattern);
    }

    private static String normal(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
