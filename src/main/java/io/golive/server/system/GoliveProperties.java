package io.golive.server.system;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The server's own settings, {@code golive.*} (environment: {@code GOLIVE_API_RATE_LIMIT} and so on).
 * docs/server.md lists each with its default and the reason for it.
 */
@ConfigurationProperties("golive")
public record GoliveProperties(
        @DefaultValue Api api,
        @DefaultValue Login login,
        @DefaultValue Probes probes,
        @DefaultValue Schedule schedule,
        @DefaultValue Cors cors,
        @DefaultValue Evaluations evaluations,
        @DefaultValue Oidc oidc,
        @DefaultValue Secrets secrets,
        @DefaultValue Egress egress) {

    /**
     * @param allow where checks, rollout actions and notifications may connect: comma-separated address
     *     blocks and host names ({@code GOLIVE_EGRESS_ALLOW}); empty allows everything but {@code deny}
     * @param deny added to the always-denied link-local and cloud metadata addresses ({@code GOLIVE_EGRESS_DENY})
     */
    public record Egress(
            @DefaultValue("") String allow,
            @DefaultValue("") String deny) {}

    /**
     * @param key base64 of the 32-byte AES-256 key that seals stored secrets ({@code GOLIVE_SECRETS_KEY};
     *     {@code openssl rand -base64 32}); without it secrets come from the environment only
     */
    public record Secrets(@DefaultValue("") String key) {}

    /** @param defaultRoles the roles of an account created by a first OpenID Connect login */
    public record Oidc(@DefaultValue("viewer") List<String> defaultRoles) {}

    /**
     * @param rateLimit requests a second per API token (per user for browser sessions); 0 turns it off
     * @param maxBody the largest request body accepted (413 above it)
     * @param tokenCache how long a valid token's user and roles are remembered (a role change or a
     *     removed token takes effect after at most this long); 0 looks every token up every time
     */
    public record Api(
            @DefaultValue("50") double rateLimit,
            @DefaultValue("10MB") DataSize maxBody,
            @DefaultValue("10s") Duration tokenCache) {}

    /** @param rateLimit password attempts a minute per client address */
    public record Login(@DefaultValue("10") double rateLimit) {}

    public record Probes(@DefaultValue Local local) {
        /** @param enabled whether {@code command} and {@code file} probes may run on the server's machine */
        public record Local(@DefaultValue("false") boolean enabled) {}
    }

    /** @param poll how often each replica looks for due scheduled evaluations */
    public record Schedule(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration poll) {}

    /** @param allowedOrigins browser origins allowed to call the API; none by default (CORS closed) */
    public record Cors(@DefaultValue List<String> allowedOrigins) {}

    /**
     * @param concurrent evaluations running at once on one replica
     * @param timeout the limit of one evaluation
     * @param shutdownGrace how long a stopping server lets running evaluations finish
     */
    public record Evaluations(
            @DefaultValue("4") int concurrent,
            @DefaultValue("10m") Duration timeout,
            @DefaultValue("20s") Duration shutdownGrace) {}
}
