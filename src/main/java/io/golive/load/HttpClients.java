package io.golive.load;

import io.golive.InputException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the JDK HttpClient and requests the {@link ClientDriver} sends to {@code https://} targets. */
final class HttpClients {
    private HttpClients() {}

    /** Whether a plan needs the JDK client: any {@code https://} request. */
    static boolean needed(LoadPlan plan) {
        return plan.requests().stream()
                .anyMatch(r -> "https".equalsIgnoreCase(r.url().getScheme()));
    }

    static HttpClient client(LoadPlan plan) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(plan.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .sslContext(plan.insecure() ? trustingEveryCertificate() : defaultContext())
                .build();
    }

    static List<HttpRequest> requests(LoadPlan plan) {
        List<HttpRequest> requests = new ArrayList<>();
        for (LoadRequest r : plan.requests()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(r.url())
                    .timeout(plan.timeout())
                    .method(
                            r.method(),
                            r.body().isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(r.body()));
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                if (h.getKey().equalsIgnoreCase("content-length")) {
                    continue; // the client sets it from the body
                }
                try {
                    b.header(h.getKey(), h.getValue());
                } catch (IllegalArgumentException e) {
                    throw new InputException(r.url() + ": header '" + h.getKey() + "' cannot be set on https requests");
                }
            }
            requests.add(b.build());
        }
        return requests;
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** For test targets with self-signed certificates: trusts any certificate for any host name. */
    private static SSLContext trustingEveryCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingEverything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /**
     * An extended trust manager that checks nothing: being "extended", it also replaces the JDK's
     * host name check, which lives in the trust manager.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
