package io.golive.probe.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns the client's exceptions into one-line reasons with the API server's own words. */
final class KubeErrors {
    private KubeErrors() {}

    /** Why {@code what} (such as "read deployment pager/api") failed against {@code server}. */
    static KubeFailure failure(Throwable e, String what, String server) {
        if (e instanceof KubernetesClientException k && k.getCode() > 0) {
            return answered(k, what, server);
        }
        Throwable cause = telling(e);
        String where = "cannot " + what + ": the API server " + server + " ";
        return switch (cause) {
            case HttpTimeoutException t -> timedOut(what, server);
            case TimeoutException t -> timedOut(what, server);
            case InterruptedIOException t -> timedOut(what, server);
            case ConnectException c -> new KubeFailure(where + "refused the connection", true, 0);
            case UnknownHostException u -> new KubeFailure(where + "is an unknown host", true, 0);
            case NoRouteToHostException n -> new KubeFailure(where + "cannot be reached (no route to host)", true, 0);
            case SSLException s -> new KubeFailure(where + "failed the TLS handshake: " + firstLine(s), true, 0);
            default ->
                new KubeFailure(where + "did not answer (" + cause.getClass().getSimpleName() + ")", true, 0);
        };
    }

    static KubeFailure timedOut(String what, String server) {
        return new KubeFailure("timed out: " + server + " did not answer in time to " + what, true, 0);
    }

    private static KubeFailure answered(KubernetesClientException k, String what, String server) {
        String message = k.getStatus() != null && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage()
                : "HTTP " + k.getCode();
        return switch (k.getCode()) {
            case 401 ->
                new KubeFailure(
                        "cannot " + what + ": " + server + " refused the credentials (401 Unauthorized)", true, 401);
            case 403 -> new KubeFailure("cannot " + what + ": forbidden: " + message, false, 403);
            case 404 -> new KubeFailure("cannot " + what + ": not found: " + message, false, 404);
            default ->
                new KubeFailure(
                        "cannot " + what + ": the API server answered " + k.getCode() + ": " + message,
                        k.getCode() >= 500,
                        k.getCode());
        };
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** The first cause in the chain that says what happened (the JDK client wraps a refusal in a closed channel). */
    private static Throwable telling(Throwable e) {
        Throwable t = e;
        Throwable last = e;
        while (t != null) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SSLException
                    || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedIOException) {
                return t;
            }
            last = t;
            t = t.getCause() == t ? null : t.getCause();
        }
        return last;
    }
}
