package io.golive.probe.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.golive.probe.ProbeContext;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Calls to the API server for one check: each gets the time left before the check's deadline as its
 * request timeout, and is abandoned at the deadline whatever the client does.
 */
final class KubeCall {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final ProbeContext context;
    private final String server;
    private final String namespace;
    private int calls;

    KubeCall(KubernetesClient client, ProbeContext context, String server, String namespace) {
        this.client = client;
        this.context = context;
        this.server = server;
        this.namespace = namespace;
    }

    /** The namespace for names written without one. */
    String namespace() {
        return namespace;
    }

    Clock clock() {
        return context.clock();
    }

    /** Time left before the deadline. */
    Duration remaining() {
        return context.remaining();
    }

    /** How many calls were made. */
    int calls() {
        return calls;
    }

    /**
     * Runs {@code call} (one or a few requests) on a client bounded by the check's deadline.
     *
     * @param what what it does, for messages ("read deployment pager/api")
     */
    <T> T run(String what, Function<KubernetesClient, T> call) throws KubeFailure {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw KubeErrors.timedOut(what, server);
        }
        calls++;
        KubernetesClient bounded = client.newClient(new RequestConfigBuilder()
                        .withRequestTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis())))
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .adapt(KubernetesClient.class);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("golive-kube-call").start(() -> {
            try {
                result.complete(call.apply(bounded));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw KubeErrors.timedOut(what, server);
        } catch (ExecutionException e) {
            throw KubeErrors.failure(e.getCause(), what, server);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new KubeFailure("interrupted while asking " + server + " to " + what, true, 0);
        }
    }

    /** Polls {@code done} until it holds or the deadline is near; whether it came to hold. */
    boolean await(java.util.function.BooleanSupplier done) {
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            Duration left = remaining();
            if (left.compareTo(POLL) <= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
