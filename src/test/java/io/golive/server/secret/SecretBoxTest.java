package io.golive.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of stored secrets. */
class SecretBoxTest {
    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final SecretBox box = SecretBox.fromBase64(newKey());

    @Test
    void aSealedValueOpensUnderItsNameAndNeverShowsTheValue() {
        String value = "value-" + System.nanoTime();
        String sealed = box.seal("API_KEY", value);
        assertThat(sealed).doesNotContain(value);
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(value);
        assertThat(box.open("API_KEY", sealed)).isEqualTo(value);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(box.seal("A", "same")).isNotEqualTo(box.seal("A", "same"));
    }

    @Test
    void aValueMovedToAnotherNameOrChangedDoesNotOpen() {
        String sealed = box.seal("A", "one");
        assertThatThrownBy(() -> box.open("B", sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret B does not open");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        String changed = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open("A", changed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyHasAnotherIdAndCannotOpen() {
        SecretBox other = SecretBox.fromBase64(newKey());
        assertThat(other.keyId()).hasSize(16).isNotEqualTo(box.keyId());
        assertThatThrownBy(() -> other.open("A", box.seal("A", "one"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyMustBeBase64Of32Bytes() {
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64!"))
                .hasMessageContaining("not base64")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes (AES-256), this one is 16");
    }
}
