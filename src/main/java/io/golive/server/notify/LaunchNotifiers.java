package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.notify.Destination;
import io.golive.notify.MailSender;
import io.golive.notify.Notifier;
import io.golive.notify.NotifyReader;
import io.golive.notify.Retry;
import io.golive.notify.WebhookSender;
import io.golive.probe.ProbeRegistry;
import io.golive.server.store.LaunchStore;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The notifier of one launch version: its spec's {@code notify:} entries read with the server's
 * {@code ${...}} values (the environment and the stored secrets, as the checks read them) at the
 * moment of use, so a delivery row never holds a URL or a password and a rotated secret takes effect
 * at the next try.
 */
final class LaunchNotifiers {
    private static final Path SPEC = Path.of("golive.yaml");

    private final LaunchStore launches;
    private final NotificationStore store;
    private final Supplier<ProbeRegistry> probes;
    private final Supplier<Map<String, String>> env;
    private final WebhookSender webhooks;
    private final MailSender mail;
    private final Retry retry;
    private final Clock clock;
    private final NotifyReader reader = NotifyReader.forThisHost();

    LaunchNotifiers(
            LaunchStore launches,
            NotificationStore store,
            Supplier<ProbeRegistry> probes,
            Supplier<Map<String, String>> env,
            WebhookSender webhooks,
            MailSender mail,
            Retry retry,
            Clock clock) {
        this.launches = requireNonNull(launches, "null launches");
        this.store = requireNonNull(store, "null store");
        this.probes = requireNonNull(probes, "null probes");
        this.env = requireNonNull(env, "null env");
        this.webhooks = requireNonNull(webhooks, "null webhooks");
        this.mail = requireNonNull(mail, "null mail");
        this.retry = requireNonNull(retry, "null retry");
        this.clock = requireNonNull(clock, "null clock");
    }

    Retry retry() {
        return retry;
    }

    /**
     * The notifier of version {@code version} of launch {@code launchId}.
     *
     * @throws InputException when its {@code notify:} does not read (a {@code ${...}} no longer set)
     */
    Notifier notifier(long launchId, int version) {
        LaunchStore.Version v = launches.version(launchId, version)
                .orElseThrow(() -> new InputException("launch " + launchId + " has no version " + version));
        SpecLoader loader = new SpecLoader(probes.get().kinds(), env.get()).withChecklists(p -> true);
        LaunchSpec spec = loader.draft(SPEC, v.spec()).spec();
        List<Destination> destinations = reader.read(spec, loader.section(spec, v.spec(), "notify"));
        return new Notifier(
                destinations, store.forLaunch(launchId, version), webhooks, mail, retry, clock, spec.secrets());
    }
}
