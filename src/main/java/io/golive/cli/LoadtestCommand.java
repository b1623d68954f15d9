package io.golive.cli;

import io.golive.InputException;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.load.LoadMetrics;
import io.golive.load.LoadModel;
import io.golive.load.LoadPlan;
import io.golive.load.LoadRequest;
import io.golive.load.LoadResult;
import io.golive.load.LoadTest;
import io.golive.load.Rates;
import io.golive.load.RequestFile;
import io.golive.load.ThresholdResult;
import io.golive.probe.TrustStores;
import io.golive.spec.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code golive loadtest}: offers HTTP load to a target and checks latency, error and rate thresholds. */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Load an HTTP target at a fixed rate (--rate) or with a number of users (--users)"
                + " and check thresholds such as \"p95 < 500ms\". Exit 0 when all are met, 1 when one is not.")
final class LoadtestCommand implements Callable<Integer> {
    @Parameters(
            arity = "0..*",
            paramLabel = "URL",
            description = "http:// or https:// addresses, loaded in turn (same weight).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "N/s", description = "Open model: requests per second (1000/s, 600/m).")
    String rate;

    @Option(names = "--users", paramLabel = "N", description = "Closed model: users, each on its own connection.")
    Integer users;

    @Option(names = "--duration", required = true, paramLabel = "D", description = "How long to run (10s, 5m).")
    String duration;

    @Option(names = "--ramp", paramLabel = "D", description = "Grow the rate or the users from zero over D.")
    String ramp;

    @Option(
            names = "--connections",
            paramLabel = "N",
            description = "Connections of the open model (default rate/10, 16..1000).")
    Integer connections;

    @Option(names = "--think", paramLabel = "D", description = "Closed model: pause of each user between requests.")
    String think;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "NAME: VALUE",
            description = "A request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--body",
            paramLabel = "TEXT|@FILE",
            description = "The request body, or @FILE to read it from a file.")
    String body;

    @Option(
            names = {"-X", "--method"},
            paramLabel = "METHOD",
            description = "The HTTP method (default GET).")
    String method;

    @Option(names = "--requests", paramLabel = "FILE", description = "A YAML or JSON list of weighted requests.")
    Path requestsFile;

    @Option(
            names = "--expect",
            paramLabel = "EXPR",
            description = "A threshold: \"p95 < 500ms\", \"errors < 0.1%%\", \"rate >= 1000/s\".")
    List<String> expects = new ArrayList<>();

    @Option(names = "--abort-on-fail", description = "Stop as soon as a threshold can no longer be met.")
    boolean abortOnFail;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            description = "Longest time for one request, connecting included (default 5s).")
    String timeout;

    @Option(names = "--allow-remote", description = "Allow targets other than loopback addresses.")
    boolean allowRemote;

    @Option(
            names = {"-k", "--insecure"},
            description = "Trust any certificate of https:// targets (test servers with self-signed certificates).")
    boolean insecure;

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            description = "Trust the CA certificates of this PEM file for https:// targets (instead of the JDK's).")
    Path trust;

    @Option(
            names = "--no-keepalive",
            description = "A new connection per request (over TLS: a new handshake, resuming the session).")
    boolean noKeepAlive;

    @Option(
            names = "--streams",
            paramLabel = "N",
            description = "HTTP/2 over TLS (ALPN h2): N users (or --rate connections) share each connection,"
                    + " a stream each. Default: HTTP/1.1.")
    Integer streams;

    @Option(names = "--json", description = "Print the result as one JSON object on standard output.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Threshold> thresholds = thresholds();
        LoadPlan plan = plan(thresholds);
        PrintWriter err = spec.commandLine().getErr();
        ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.isTerminal());
        Interruption ctrlC = Interruption.onShutdown(Thread.currentThread());
        LoadResult result = LoadTest.run(plan, Clock.systemUTC(), progress);
        progress.finish();
        List<ThresholdResult> verdicts = result.evaluate(thresholds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(result.toMap(verdicts)));
        } else {
            new LoadReport(out).print(plan, result, verdicts);
        }
        out.flush();
        ctrlC.done();
        boolean allMet = verdicts.stream().allMatch(ThresholdResult::met);
        if (thresholds.isEmpty() && result.requests() == result.errors()) {
            err.println("golive: no request succeeded");
            return Main.NO_GO;
        }
        return allMet ? Main.OK : Main.NO_GO;
    }

    private List<Threshold> thresholds() {
        List<Threshold> parsed = new ArrayList<>();
        for (String expr : expects) {
            Threshold t;
            try {
                t = ThresholdParser.parse(expr);
            } catch (IllegalArgumentException e) {
                throw new InputException("--expect '" + expr + "': " + e.getMessage());
            }
            if (!LoadMetrics.measures(t)) {
                throw new InputException("--expect '" + expr + "': a load test does not measure this (use p50, p90,"
                        + " p95, p99, p99.9, max, mean in ms or s; errors or error rate in %; rate in req/s)");
            }
            parsed.add(t);
        }
        return parsed;
    }

    private LoadPlan plan(List<Threshold> thresholds) {
        if ((rate == null) == (users == null)) {
            throw new InputException("give exactly one of --rate N/s (open model) or --users N (closed model)");
        }
        if (think != null && users == null) {
            throw new InputException("--think applies to --users only");
        }
        if (streams != null && streams < 1) {
            throw new InputException("--streams must be between 1 and 1000");
        }
        if (connections != null && rate == null) {
            throw new InputException("--connections applies to --rate only; with --users each user has one connection");
        }
        LoadModel model = rate != null
                ? new LoadModel.Open(parse("--rate", () -> Rates.parse(rate)))
                : new LoadModel.Closed(users, think == null ? Duration.ZERO : duration("--think", think));
        return new LoadPlan(
                        requests(),
                        model,
                        duration("--duration", duration),
                        ramp == null ? Duration.ZERO : duration("--ramp", ramp),
                        connections == null ? 0 : connections,
                        timeout == null ? LoadPlan.DEFAULT_TIMEOUT : duration("--timeout", timeout),
                        allowRemote,
                        insecure,
                        abortOnFail ? thresholds : List.of(),
                        trustManager(),
                        !noKeepAlive,
                        streams == null ? 0 : streams)
                .requireValid();
    }

    /** What trusts {@code --trust}'s certificates; null for the JDK's default trust store. */
    private X509TrustManager trustManager() {
        if (trust == null) {
            return null;
        }
        if (insecure) {
            throw new InputException("give --trust FILE or --insecure, not both");
        }
        try {
            if (TrustStores.fromPem(trust).size() == 0) {
                throw new InputException("--trust " + trust + ": no certificate in it (expected PEM)");
            }
            return TrustStores.x509(trust);
        } catch (IOException e) {
            throw new InputException("--trust " + trust + ": cannot read it: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new InputException("--trust " + trust + ": not a PEM file of certificates", e);
        }
    }

    private List<LoadRequest> requests() {
        Map<String, String> extraHeaders = headerMap();
        List<LoadRequest> requests = new ArrayList<>();
        String bodyText = bodyText();
        for (String url : urls) {
            LoadRequest r = LoadRequest.get(parse("URL", () -> RequestFile.uri(url)));
            requests.add(r.with(method, extraHeaders, bodyText));
        }
        if (requestsFile != null) {
            for (LoadRequest r : RequestFile.read(requestsFile)) {
                Map<String, String> merged = new LinkedHashMap<>(extraHeaders);
                merged.putAll(r.headers());
                requests.add(r.with(r.method(), merged, r.body()));
            }
        }
        if (requests.isEmpty()) {
            throw new InputException("give a URL or --requests FILE");
        }
        return requests;
    }

    private Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new InputException("--header '" + h + "': write it as 'Name: value'");
            }
            map.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        return map;
    }

    private String bodyText() {
        if (body == null || !body.startsWith("@")) {
            return body;
        }
        Path file = Path.of(body.substring(1));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException("--body " + body + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(String option, String text) {
        return parse(option, () -> Durations.parse(text));
    }

    private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }
}
