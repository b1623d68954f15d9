package io.golive.probe.kube;

import java.util.Optional;

/**
 * The pods a {@code pods:} entry names: {@code ns} (all of a namespace) or {@code ns/selector} (those
 * matching a label selector such as {@code app=pager,tier!=batch}).
 */
record PodSelection(Optional<String> namespace, Optional<String> selector) {
    /** Reads an entry; an empty namespace part means the check's namespace ({@code /app=pager}). */
    static PodSelection parse(String written) {
        String s = written == null ? "" : written.strip();
        int slash = s.indexOf('/');
        String ns = slash < 0 ? s : s.substring(0, slash);
        String selector = slash < 0 ? "" : s.substring(slash + 1).strip();
        if (!ns.isEmpty() && !ObjectRef.NAME.matcher(ns).matches() || slash >= 0 && selector.isEmpty() || s.isEmpty()) {
            throw new IllegalArgumentException("pods: '" + written
                    + "' is not a namespace or NAMESPACE/SELECTOR (write pager or pager/app=pager-api)");
        }
        return new PodSelection(
                ns.isEmpty() ? Optional.empty() : Optional.of(ns),
                selector.isEmpty() ? Optional.empty() : Optional.of(selector));
    }

    String shown(String fallback) {
        return namespace.orElse(fallback) + selector.map(l -> " (" + l + ")").orElse("");
    }
}
