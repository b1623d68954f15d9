package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgEndpointTest {
    private static PgEndpoint parse(String url) {
        return PgEndpoint.parse(url, Optional.empty(), Optional.empty());
    }

    @Test
    void aPostgresqlUrlIsShownAsWritten() {
        PgEndpoint e = parse("postgresql://app@db.internal:6432/orders");
        assertThat(e.display()).isEqualTo("postgresql://app@db.internal:6432/orders");
        assertThat(e.user()).isEqualTo("app");
    }

    @Test
    void aJdbcUrlWithTheUserInItsQueryIsRead() {
        PgEndpoint e = parse("jdbc:postgresql://127.0.0.1/app?user=svc&password=hunter2&sslmode=require");
        assertThat(e.display()).isEqualTo("postgresql://svc@127.0.0.1:5432/app?sslmode=require");
        assertThat(e.password()).isEqualTo("hunter2");
    }

    @Test
    void aPasswordInTheUrlIsKeptApartAndTheGivenOneWins() {
        PgEndpoint inUrl = parse("postgresql://app:s%40cret@db/app");
        assertThat(inUrl.password()).isEqualTo("s@cret");
        assertThat(inUrl.display()).doesNotContain("cret");
        PgEndpoint given = PgEndpoint.parse("postgresql://app:old@db/app", Optional.of("new"), Optional.empty());
        assertThat(given.password()).isEqualTo("new");
    }

    @Test
    void theKeyPassphraseIsNeverShown() {
        assertThat(parse("postgresql://app@db/app?sslmode=verify-full&sslpassword=k3y")
                        .display())
                .isEqualTo("postgresql://app@db:5432/app?sslmode=verify-full&sslpassword=****");
    }

    @Test
    void ipv6HostsAndDefaultDatabaseWork() {
        assertThat(parse("postgres://app@[::1]:5433").display()).isEqualTo("postgresql://app@[::1]:5433/app");
    }

    @Test
    void theSameServerWithAnotherPasswordIsAnotherPoolKey() {
        String a = PgEndpoint.parse("postgresql://app@db/app", Optional.of("one"), Optional.empty())
                .poolKey();
        String b = PgEndpoint.parse("postgresql://app@db/app", Optional.of("two"), Optional.empty())
                .poolKey();
        assertThat(a).isNotEqualTo(b).doesNotContain("one");
    }

    @Test
    void badUrlsSayWhatIsMissing() {
        assertThatThrownBy(() -> parse("postgresql://db/app")).hasMessageContaining("names no user");
        assertThatThrownBy(() -> parse("postgresql:///app")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> parse("http://app@db/app")).hasMessageContaining("starts with postgresql://");
    }
}
