package io.golive.probe.kube;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes version as the API server reports it ({@code v1.27.3-eks-a5565ad}) or a spec writes it ({@code 1.24}). */
record KubeVersion(int major, int minor, int patch) implements Comparable<KubeVersion> {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** The version at the start of {@code text}, if it holds one. */
    static Optional<KubeVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new KubeVersion(number(m.group(1)), number(m.group(2)), number(m.group(3))));
    }

    /** From the {@code major} and {@code minor} fields ("1", "23+" as GKE writes it). */
    static Optional<KubeVersion> of(String major, String minor) {
        String a = major == null ? "" : major.replaceAll("\\D", "");
        String b = minor == null ? "" : minor.replaceAll("\\D", "");
        return a.isEmpty() || b.isEmpty() ? Optional.empty() : Optional.of(new KubeVersion(number(a), number(b), 0));
    }

    @Override
    public int compareTo(KubeVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
