package io.golive.notify;

import io.golive.spec.Secrets;
import java.net.URI;

/** How a destination is shown in records and messages: hosts yes, tokens never. */
final class Masks {
    private Masks() {}

    /**
     * {@code https://hooks.slack.com/****}: webhook services put their token in the path or the query,
     * so both are hidden even when written literally in the spec.
     */
    static String url(URI u, Secrets secrets) {
        String base = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        boolean more = (u.getRawPath() != null && u.getRawPath().length() > 1) || u.getRawQuery() != null;
        return secrets.mask(base) + (more ? "/****" : "");
    }
}
