package io.golive.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.ConflictException;
import io.golive.InputException;
import io.golive.server.audit.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stored secrets on a real (in-memory H2) database migrated by the server's own migrations. */
class SecretStoreTest {
    private JdbcClient jdbc;
    private AuditLog audit;
    private final SecretBox box = SecretBox.fromBase64(SecretBoxTest.newKey());

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:secrets" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        audit = new AuditLog(jdbc, Clock.systemUTC());
    }

    SecretStore store(Optional<SecretBox> b) {
        return new SecretStore(jdbc, b, audit, Clock.systemUTC());
    }

    @Test
    void aStoredSecretIsSealedInTheDatabaseAndOpensForSpecs() {
        String value = "v-" + System.nanoTime();
        SecretStore s = store(Optional.of(box));
        s.put("ada", "DB_PASSWORD", value);
        s.put("ada", "DB_PASSWORD", value + "2");
        String row = jdbc.sql("SELECT * FROM secrets").query().listOfRows().toString();
        assertThat(row).contains("DB_PASSWORD").doesNotContain(value);
        assertThat(jdbc.sql("SELECT * FROM audit_log").query().listOfRows().toString())
                .contains("secret.create")
                .contains("secret.replace")
                .doesNotContain(value);
        assertThat(s.opened()).isEqualTo(Map.of("DB_PASSWORD", value + "2"));
        assertThat(s.list()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("DB_PASSWORD");
            assertThat(i.updatedBy()).isEqualTo("ada");
            assertThat(i.readable()).isTrue();
        });
        assertThat(s.delete("ada", "DB_PASSWORD")).isTrue();
        assertThat(s.delete("ada", "DB_PASSWORD")).isFalse();
        assertThat(s.opened()).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsStoredAndTheAnswerSaysWhy() {
        assertThatThrownBy(() -> store(Optional.empty()).put("ada", "X", "y"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("GOLIVE_SECRETS_KEY");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM secrets").query(Integer.class).single())
                .isZero();
    }

    @Test
    void aSecretSealedUnderAnotherKeyIsListedUnreadableAndLeftOut() {
        store(Optional.of(SecretBox.fromBase64(SecretBoxTest.newKey()))).put("ada", "OLD", "x");
        SecretStore s = store(Optional.of(box));
        assertThat(s.opened()).isEmpty();
        assertThat(s.list())
                .singleElement()
                .satisfies(i -> assertThat(i.readable()).isFalse());
    }

    @Test
    void aNameMustBeUsableAsAReference() {
        assertThatThrownBy(() -> store(Optional.of(box)).put("ada", "1BAD-NAME", "x"))
                .isInstanceOf(InputException.class)
                .hasMessage("invalid secret name")
                .satisfies(e -> assertThat(((InputException) e).problems())
                        .singleElement()
                        .asString()
                        .startsWith("name: "));
    }
}
