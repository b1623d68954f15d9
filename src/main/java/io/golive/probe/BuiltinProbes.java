package io.golive.probe;

import io.golive.probe.dns.DnsProbe;
import io.golive.probe.file.FileProbe;
import io.golive.probe.http.AuthProbe;
import io.golive.probe.http.CorsProbe;
import io.golive.probe.http.HeadersProbe;
import io.golive.probe.http.HttpProbe;
import io.golive.probe.http.RateLimitProbe;
import io.golive.probe.kube.KubeProbe;
import io.golive.probe.load.LoadProbe;
import io.golive.probe.metrics.AlertmanagerProbe;
import io.golive.probe.metrics.PrometheusProbe;
import io.golive.probe.model.ModelProbe;
import io.golive.probe.postgres.PostgresProbe;
import io.golive.probe.process.CommandProbe;
import io.golive.probe.redis.RedisProbe;
import io.golive.probe.report.ReportProbe;
import io.golive.probe.secrets.SecretsProbe;
import io.golive.probe.tls.TlsProbe;
import java.util.List;

/** The probes that ship with golive, registered explicitly. */
public final class BuiltinProbes {
    private BuiltinProbes() {}

    public static List<Probe<?>> all() {
        return List.of(
                new HttpProbe(),
                new HeadersProbe(),
                new CorsProbe(),
                new RateLimitProbe(),
                new AuthProbe(),
                new TlsProbe(),
                new DnsProbe(),
                new CommandProbe(),
                new FileProbe(),
                new PostgresProbe(),
                new RedisProbe(),
                new ModelProbe(),
                new ReportProbe(),
                new SecretsProbe(),
                new PrometheusProbe(),
                new AlertmanagerProbe(),
                new LoadProbe(),
                new KubeProbe());
    }
}
