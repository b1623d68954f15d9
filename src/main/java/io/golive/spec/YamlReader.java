package io.golive.spec;

import io.golive.InputException;
import io.golive.ParseErrors;
import io.golive.spec.Node.ListNode;
import io.golive.spec.Node.MapNode;
import io.golive.spec.Node.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads YAML into {@link Node}s that remember their lines (Jackson's tree does not). */
final class YamlReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    private static final int MAX_DEPTH = 64;

    private YamlReader() {}

    /** The document's root; {@code source} names the file in messages. */
    static Node read(String source, String yaml) {
        try (JsonParser p = MAPPER.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputException(source + ": the spec is empty");
            }
            Node root = value(source, p, 0);
            if (p.nextToken() != null) {
                throw InputException.at(source, line(p), "more than one YAML document; write one");
            }
            return root;
        } catch (JacksonException e) {
            throw InputException.at(source, ParseErrors.line(e), "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static Node value(String source, JsonParser p, int depth) {
        if (depth > MAX_DEPTH) {
            throw InputException.at(source, line(p), "nested deeper than " + MAX_DEPTH + " levels");
        }
        int line = line(p);
        return switch (p.currentToken()) {
            case START_OBJECT -> map(source, p, depth, line);
            case START_ARRAY -> list(source, p, depth, line);
            case VALUE_STRING -> new ScalarNode(line, p.getString());
            case VALUE_NUMBER_INT -> new ScalarNode(line, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> new ScalarNode(line, p.getDoubleValue());
            case VALUE_TRUE -> new ScalarNode(line, Boolean.TRUE);
            case VALUE_FALSE -> new ScalarNode(line, Boolean.FALSE);
            case VALUE_NULL -> new ScalarNode(line, null);
            default -> throw InputException.at(source, line, "unexpected YAML " + p.currentToken());
        };
    }

    private static MapNode map(String source, JsonParser p, int depth, int line) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            p.nextToken();
            Node v = value(source, p, depth + 1);
            if (entries.put(key, v) != null) {
                throw InputException.at(source, keyLine, "duplicate key '" + key + "'");
            }
            lines.put(key, keyLine);
        }
        return new MapNode(line, entries, lines);
    }

    private static ListNode list(String source, JsonParser p, int depth, int line) {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(source, p, depth + 1));
        }
        return new ListNode(line, items);
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }
}
