package io.golive.probe.postgres;

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
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Verify index usage": asks the planner for its plan of a statement (EXPLAIN without ANALYZE, so the
 * statement is not run) and requires an index scan on it.
 */
final class ExplainCheck implements PgCheck {
    /** One node of a plan: its type and, where it reads a table, the table and index. */
    record Node(String type, String relation, String index) {
        String describe() {
            return type + (index.isEmpty() ? "" : " using " + index) + (relation.isEmpty() ? "" : " on " + relation);
        }
    }

    private static final Set<String> INDEX_SCANS = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String statement;
    private final boolean requireIndex;

    ExplainCheck(String statement, boolean requireIndex) {
        this.statement = statement;
        this.requireIndex = requireIndex;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        String sql = "EXPLAIN (FORMAT JSON) " + statement;
        String plan;
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Observation.error("no data: EXPLAIN returned no plan").withEvidence("query", sql);
            }
            plan = rs.getString(1);
        }
        List<Node> nodes = nodes(plan);
        return judge(nodes).withEvidence("query", sql).withEvidence("plan", render(nodes));
    }

    /** The plan's nodes, depth first, from EXPLAIN's JSON. */
    static List<Node> nodes(String planJson) {
        List<Node> out = new ArrayList<>();
        for (JsonNode root : JSON.readTree(planJson)) {
            walk(root.path("Plan"), "", out);
        }
        return out;
    }

    Observation judge(List<Node> nodes) {
        List<Node> indexed =
                nodes.stream().filter(n -> INDEX_SCANS.contains(n.type())).toList();
        List<Node> seq = nodes.stream().filter(n -> n.type().equals("Seq Scan")).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indexScan", !indexed.isEmpty());
        m.put("seqScans", seq.size());
        if (!indexed.isEmpty()) {
            return Observation.pass(join(indexed), m);
        }
        if (!requireIndex) {
            return Observation.pass("plan: " + render(nodes), m);
        }
        return Observation.fail("no index used: " + (seq.isEmpty() ? "plan is " + render(nodes) : join(seq)), m);
    }

    private static void walk(JsonNode plan, String parentRelation, List<Node> out) {
        if (plan.isMissingNode()) {
            return;
        }
        String type = plan.path("Node Type").asString("");
        String relation = plan.path("Relation Name").asString("");
        // A bitmap index scan names its index only; the table is on the bitmap heap scan above it.
        if (relation.isEmpty() && type.equals("Bitmap Index Scan")) {
            relation = parentRelation;
        }
        out.add(new Node(type, relation, plan.path("Index Name").asString("")));
        for (JsonNode child : plan.path("Plans")) {
            walk(child, relation, out);
        }
    }

    private static String join(List<Node> nodes) {
        return String.join(", ", nodes.stream().map(Node::describe).distinct().toList());
    }

    private static String render(List<Node> nodes) {
        return String.join(" > ", nodes.stream().map(Node::describe).toList());
    }
}
