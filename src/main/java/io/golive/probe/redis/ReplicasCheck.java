package io.golive.probe.redis;

import io.golive.probe.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code replicas}: the primary sees at least that many replicas online (INFO replication). */
final class ReplicasCheck implements RedisCheck {
    private static final Pattern SLAVE = Pattern.compile("slave\\d+");
    private static final Pattern STATE = Pattern.compile("(?:^|,)state=([a-z_]+)");
    private static final Pattern LAG = Pattern.compile("(?:^|,)lag=(\\d+)");

    private final int min;

    ReplicasCheck(int min) {
        this.min = min;
    }

    @Override
    public Observation run(RespConnection connection, Duration timeout) throws IOException {
        return judge(RedisInfo.parse(connection.text(timeout, "INFO", "replication")));
    }

    Observation judge(RedisInfo info) {
        String role = info.get("role").orElse("unknown");
        if (!role.equals("master")) {
            return Observation.error(
                    "this server is a replica (role:" + role + "): point the replicas check at the primary");
        }
        List<String> lines = new ArrayList<>();
        int online = 0;
        long maxLag = 0;
        for (Map.Entry<String, String> e : info.fields().entrySet()) {
            if (SLAVE.matcher(e.getKey()).matches()) {
                lines.add(e.getValue());
                online += "online".equals(find(STATE, e.getValue())) ? 1 : 0;
                String lag = find(LAG, e.getValue());
                maxLag = Math.max(maxLag, lag.isEmpty() ? 0 : Long.parseLong(lag));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicas", online);
        m.put("connectedReplicas", info.number("connected_slaves").orElse(0L));
        m.put("maxLagSeconds", maxLag);
        String text = online + " " + (online == 1 ? "replica" : "replicas") + " online (need " + min + ")";
        Observation o = online >= min ? Observation.pass(text, m) : Observation.fail(text, m);
        return o.withEvidence("replicas", lines.isEmpty() ? "none" : String.join("; ", lines));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
