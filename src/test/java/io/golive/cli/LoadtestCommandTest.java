package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LoadtestCommandTest {
    @Test
    void helpListsEveryOptionWithoutFormattingWarnings() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "loadtest", "--help");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("--rate", "--users", "--duration", "--ramp", "--connections", "--think", "--header")
                .contains("--body", "--method", "--requests", "--expect", "--abort-on-fail", "--timeout")
                .contains("--allow-remote", "--insecure", "--trust", "--no-keepalive", "--json", "errors < 0.1%");
    }

    @Test
    void thinkTimeWithoutUsersIsBadInput() {
        StringWriter err = new StringWriter();

        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "loadtest",
                "http://127.0.0.1:1/",
                "--rate",
                "10/s",
                "--think",
                "1s",
                "--duration",
                "1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--think applies to --users only");
    }

    @Test
    void trustFileThatCannotBeReadIsBadInput() {
        StringWriter err = new StringWriter();

        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "loadtest",
                "https://127.0.0.1:1/",
                "--users",
                "1",
                "--trust",
                "no-such-ca.pem",
                "--duration",
                "1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("--trust no-such-ca.pem: cannot read it")
                .doesNotContain("Exception");
    }

    @Test
    void trustAndInsecureTogetherAreBadInput() {
        StringWriter err = new StringWriter();

        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "loadtest",
                "https://127.0.0.1:1/",
                "--users",
                "1",
                "--trust",
                "ca.pem",
                "--insecure",
                "--duration",
                "1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("give --trust FILE or --insecure, not both");
    }
}
