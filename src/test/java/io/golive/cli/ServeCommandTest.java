package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.InputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code golive serve}'s bad input, found before Spring starts. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsBadInputWithAHint() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String port = String.valueOf(taken.getLocalPort());
            CliTest.Run r = CliTest.golive(
                    "serve",
                    "--port",
                    port,
                    "--bind",
                    "127.0.0.1",
                    "--data",
                    dir.resolve("d").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("port " + port + " is in use; choose another with --port");
            assertThat(dir.resolve("d")).doesNotExist();
        }
    }

    @Test
    void aSecretsKeyThatIsNot32BytesOfBase64IsBadInput() {
        assertThatThrownBy(() -> ServeCommand.checkSecretsKey("abc"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("GOLIVE_SECRETS_KEY: ")
                .hasMessageContaining("32 bytes");
        assertThatCode(() -> ServeCommand.checkSecretsKey(Base64.getEncoder().encodeToString(new byte[32])))
                .doesNotThrowAnyException();
        assertThatCode(() -> ServeCommand.checkSecretsKey(null)).doesNotThrowAnyException();
    }
}
