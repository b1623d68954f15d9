package io.golive.probe;

import static java.util.Objects.requireNonNull;

import io.golive.spec.CheckSpec;
import io.golive.spec.Nodes;
import io.golive.spec.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probe kinds golive knows: the built-in list, plus any a jar on the class path declares in
 * {@code META-INF/services/io.golive.probe.Probe}. Binds a check's YAML to its probe's config record.
 */
public final class ProbeRegistry {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Probe<?>> probes = new LinkedHashMap<>();

    /** Built-ins first; a plugin cannot replace a built-in kind. */
    public ProbeRegistry(List<Probe<?>> probes) {
        for (Probe<?> p : probes) {
            this.probes.putIfAbsent(requireNonNull(p.kind(), "null kind"), p);
        }
    }

    /** The built-in probes and those found through {@link ServiceLoader} on the class path. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static ProbeRegistry load(ClassLoader loader) {
        List<Probe<?>> all = new ArrayList<>(BuiltinProbes.all());
        for (Probe p : ServiceLoader.load(Probe.class, loader)) {
            all.add(p);
        }
        return new ProbeRegistry(all);
    }

    public Set<String> kinds() {
        return probes.keySet();
    }

    public Optional<Probe<?>> probe(String kind) {
        return Optional.ofNullable(probes.get(kind));
    }

    /** The check's configuration bound to its probe's record and validated; problems go to {@code problems}. */
    public Optional<ProbeConfig> bind(CheckSpec check, Problems problems) {
        Probe<?> probe = probes.get(check.kind());
        if (probe == null) {
            problems.add(check.line(), "unknown probe kind '" + check.kind() + "'");
            return Optional.empty();
        }
        if (probe.configType().isRecord()) {
            Optional<? extends ProbeConfig> bound =
                    ConfigBinder.bind(check.kind(), check.config(), probe.configType(), problems);
            return bound.flatMap(c -> validated(check, c, problems));
        }
        ProbeConfig config;
        try {
            JsonNode tree = MAPPER.valueToTree(Nodes.toPlain(check.config()));
            config = MAPPER.treeToValue(tree, probe.configType());
        } catch (UnrecognizedPropertyException e) {
            problems.add(
                    Nodes.lineOf(check.config(), path(e)),
                    "unknown key '" + e.getPropertyName() + "' in " + check.kind() + " (known: "
                            + String.join(", ", known(e)) + ")");
            return Optional.empty();
        } catch (MismatchedInputException e) {
            problems.add(
                    Nodes.lineOf(check.config(), path(e)),
                    check.kind() + "." + String.join(".", path(e)) + ": a value of the wrong shape");
            return Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            problems.add(check.config().line(), check.kind() + ": " + rootMessage(e));
            return Optional.empty();
        }
        return validated(check, config, problems);
    }

    private static Optional<ProbeConfig> validated(CheckSpec check, ProbeConfig config, Problems problems) {
        List<String> invalid = config.validate();
        invalid.forEach(m -> problems.add(check.config().line(), check.kind() + ": " + m));
        return invalid.isEmpty() ? Optional.of(config) : Optional.empty();
    }

    private static List<String> path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                .toList();
    }

    private static List<String> known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
