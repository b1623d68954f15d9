package io.golive.probe.postgres;

import io.golive.checklist.Threshold;
import io.golive.probe.Observation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a query; the first column of every row must meet the threshold. No rows is no data. */
final class QueryCheck implements PgCheck {
    private static final int MAX_ROWS = 10_000;
    private static final int SHOWN = 3;

    private final String query;
    private final Optional<Threshold> expect;

    QueryCheck(String query, Optional<Threshold> expect) {
        this.query = query;
        this.expect = expect;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Statement st = PgCheck.statement(connection, timeout)) {
            st.setMaxRows(MAX_ROWS);
            if (!st.execute(query)) {
                return evidence(Observation.error("no data: the statement returned no rows"));
            }
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
        }
        if (values.isEmpty()) {
            return evidence(Observation.error("no data: the query returned no rows"));
        }
        return evidence(expect.map(t -> judge(values, t)).orElseGet(() -> unjudged(values)));
    }

    private Observation judge(List<Object> values, Threshold t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", values.size());
        List<String> failing = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            Optional<Double> n = PgValues.number(values.get(i), t.unit());
            if (n.isEmpty()) {
                return Observation.error(
                        values.get(i) == null
                                ? "no data: row " + (i + 1) + " is NULL"
                                : "row " + (i + 1) + ": '" + values.get(i) + "' is not a number to compare with "
                                        + t.expression());
            }
            min = Math.min(min, n.get());
            max = Math.max(max, n.get());
            if (!t.test(n.get())) {
                failing.add("row " + (i + 1) + " = " + PgValues.format(n.get()));
            }
        }
        m.put(
                "value",
                PgValues.round(PgValues.number(values.getFirst(), t.unit()).orElseThrow()));
        if (values.size() > 1) {
            m.put("min", PgValues.round(min));
            m.put("max", PgValues.round(max));
        }
        if (failing.isEmpty()) {
            String what = values.size() == 1 ? PgValues.format(min) : "all " + values.size() + " rows";
            return Observation.pass(what + " " + t.expression(), m);
        }
        m.put("failing", failing.size());
        String shown = String.join(", ", failing.subList(0, Math.min(SHOWN, failing.size())))
                + (failing.size() > SHOWN ? ", ..." : "");
        String head = values.size() == 1 ? "" : failing.size() + " of " + values.size() + " rows ";
        return Observation.fail(head + "not " + t.expression() + ": " + shown, m);
    }

    private Observation unjudged(List<Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", values.size());
        Object first = values.getFirst();
        m.put("value", first instanceof Number || first instanceof Boolean ? first : String.valueOf(first));
        return Observation.pass(values.size() + (values.size() == 1 ? " row" : " rows") + ", first value " + first, m);
    }

    private Observation evidence(Observation o) {
        Observation out = o.withEvidence("query", query);
        return expect.map(t -> out.withEvidence("expect", t.expression())).orElse(out);
    }
}
