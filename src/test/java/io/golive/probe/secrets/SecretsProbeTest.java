package io.golive.probe.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.probe.Observation;
import io.golive.probe.ProbeContext;
import io.golive.probe.SpecRun;
import io.golive.probe.Status;
import io.golive.spec.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets probe on a tree written at run time. Secrets are assembled from pieces so this file
 * holds none a scanner would flag, and the project's own tree must scan clean.
 */
class SecretsProbeTest {
    static final String AWS = "AKIA" + "Q3EGR7XKZ2M4PL5N";
    static final String GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
    static final String SLACK = "xoxb-" + "1234567890-abcdefghij";
    static final String STRIPE = "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N";
    static final String KEY = "-----BEGIN " + "RSA PRIVATE KEY-----";
    static final String ENTROPY = "Zq8" + "Lp2Xv9Rt4Wm7Kc1Hn6Bd3Fy5";

    @TempDir
    Path dir;

    Observation run(String path, List<String> allow) {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plusSeconds(30),
                Map.of(),
                dir,
                List.of(),
                Secrets.none());
        return new SecretsProbe().run(new SecretsConfig(path, allow), ctx);
    }

    void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    void plantSecrets() throws IOException {
        write("src/config.yaml", "aws_access_key_id: " + AWS + "\ndb:\n  password: \"hunter2-" + "prod\"\n");
        write("src/App.java", "class App {\n  String t = \"" + GITHUB + "\";\n  String s = \"" + SLACK + "\";\n}\n");
        write("deploy/.env", "STRIPE_KEY=" + STRIPE + "\nAPI_KEY=" + "r4nd0m-v4lue\n");
        write("deploy/id_rsa", KEY + "\nMIIE...\n");
        write("web/auth.js", "const token = '" + JWT + "';\nconst url = 'postgres://app:" + "S3cr3tPw@db:5432/x';\n");
        write("web/keys.js", "const signing = \"" + ENTROPY + "\";\n");
    }

    void plantLookAlikes() throws IOException {
        write(
                "ok/app.yaml",
                "password: \"${DB_PASSWORD}\"\nsecret: changeme\napi_key: \"<api-key>\"\n"
                        + "password: xxxxxxxx\napi_key = \"example-key-123\"\nurl: https://user@host.example/path\n");
        write(
                "ok/Code.java",
                "password = config.password();\nString AKIA_SHORT = \"AKIA" + "1234\";\n" + "String hex = \""
                        + "0123456789abcdef0123456789abcdef\";\nString jwtish = \"eyJ" + "abc.def\";\n");
        write("target/leak.txt", "aws: " + AWS + "\n");
        write("node_modules/x/leak.js", "k = '" + GITHUB + "'\n");
        write(".git/config", "url = https://u:" + "pw12345@github.com/x\n");
        Files.write(dir.resolve("ok/blob.bin"), ("\0\0" + AWS).getBytes());
        Files.writeString(dir.resolve("ok/big.txt"), "a".repeat(1_100_000) + "\n" + AWS);
    }

    @Test
    void findsEachPlantedSecretWithFileLineRuleAndMaskedValue() throws IOException {
        plantSecrets();
        Observation o = run(".", List.of());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        @SuppressWarnings("unchecked")
        List<String> findings = (List<String>) o.measurements().get("findings");
        assertThat(findings)
                .contains(
                        "src/config.yaml:1: aws-access-key-id (AKIA****)",
                        "src/config.yaml:3: password-assignment (hunt****)",
                        "src/App.java:2: github-token (ghp_****)",
                        "src/App.java:3: slack-token (xoxb****)",
                        "deploy/.env:1: stripe-key (sk_l****)",
                        "deploy/.env:2: password-assignment (r4nd****)",
                        "deploy/id_rsa:1: private-key (----****)",
                        "web/auth.js:1: jwt (eyJh****)",
                        "web/auth.js:2: password-in-url (S3cr****)",
                        "web/keys.js:1: high-entropy-assignment (Zq8L****)");
        assertThat(o.measurements()).containsEntry("findingCount", 10);
        String all = o.summary() + o.measurements() + o.evidence();
        for (String secret : List.of(AWS, GITHUB, SLACK, STRIPE, JWT, ENTROPY, "S3cr3tPw", "hunter2")) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void placeholdersSkippedFoldersBinariesAndLargeFilesAreNotFindings() throws IOException {
        plantLookAlikes();
        Observation o = run(".", List.of());
        assertThat(o.status()).as(o.measurements().toString()).isEqualTo(Status.PASS);
        assertThat(o.measurements()).containsEntry("findingCount", 0).containsEntry("filesScanned", 2L);
    }

    @Test
    void allowedPathsAreNotFindings() throws IOException {
        plantSecrets();
        write("README.md", "nothing to see\n");
        Observation o = run(".", List.of("src/**", "deploy/**", "web/*.js"));
        assertThat(o.status()).as(o.summary()).isEqualTo(Status.PASS);
    }

    @Test
    void missingOrEmptyTreeIsNoData() throws IOException {
        assertThat(run("absent", List.of()).status()).isEqualTo(Status.ERROR);
        Files.createDirectories(dir.resolve("empty"));
        Observation o = run("empty", List.of());
        assertThat(o.status()).isEqualTo(Status.ERROR);
        assertThat(o.summary()).contains("no data");
    }

    /** Test files whose fake credentials are deliberate: the probes under test must mask them. */
    static final List<String> FIXTURES = List.of(
            "src/test/java/io/golive/probe/ProbeContractTest.java",
            "src/test/java/io/golive/probe/redis/RedisProbeIT.java",
            "src/test/java/io/golive/probe/redis/RedisChecksTest.java",
            "src/test/java/io/golive/probe/postgres/PgEndpointTest.java");

    @Test
    void theProjectsOwnTreeHasNoFindings() {
        ProbeContext ctx = new ProbeContext(
                Clock.systemUTC(),
                Clock.systemUTC().instant().plusSeconds(60),
                Map.of(),
                Path.of("").toAbsolutePath(),
                List.of(),
                Secrets.none());
        Observation o = new SecretsProbe().run(new SecretsConfig(".", FIXTURES), ctx);
        assertThat(o.status()).as(o.measurements().toString()).isEqualTo(Status.PASS);
    }

    @Test
    void runsThroughTheEngineFromASpec() throws IOException {
        plantSecrets();
        SpecRun r = SpecRun.of(
                dir,
                "# L\n## Security\n- [ ] No secrets in source code\n",
                "checklist: LAUNCH.md\nchecks:\n  - item: No secrets in source code\n    secrets: { path: src }\n",
                Map.of());
        Observation o = r.check("No secrets in source code").observation();
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.summary()).contains("4 possible secrets").doesNotContain(AWS);
        assertThat(r.json()).doesNotContain(AWS);
    }
}
