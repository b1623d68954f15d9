package io.golive.server.launch;

import io.golive.InputException;
import io.golive.NotFoundException;
import io.golive.checklist.Item;
import io.golive.egress.Egress;
import io.golive.gate.PlannedCheck;
import io.golive.probe.ProbeRegistry;
import io.golive.server.audit.AuditChain;
import io.golive.server.audit.AuditLog;
import io.golive.server.store.ItemStore;
import io.golive.server.store.ItemStore.ItemWork;
import io.golive.server.store.LaunchStore;
import io.golive.server.store.LaunchStore.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Imports launches (and new versions of them) and records what people say of their items. */
public final class LaunchService {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LaunchStore launches;
    private final ItemStore items;
    private final LaunchViews views;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Supplier<ProbeRegistry> registry;
    private final boolean localProbes;
    private final Supplier<Map<String, String>> env;

    public LaunchService(
            LaunchStore launches,
            ItemStore items,
            LaunchViews views,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            Supplier<ProbeRegistry> registry,
            boolean localProbes,
            Supplier<Map<String, String>> env) {
        this.launches = launches;
        this.items = items;
        this.views = views;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
        this.localProbes = localProbes;
        this.env = env;
    }

    /** What a re-import changed: the new version and the item ids added and removed. */
    public record Imported(long id, int version, List<String> added, List<String> removed) {}

    /** Validates and stores a new launch; nothing is stored when anything is invalid (400 with every problem). */
    public Imported create(String user, LaunchSources sources) {
        Loaded loaded = validate(user, Optional.empty(), sources);
        return tx.execute(s -> {
            long now = clock.millis();
            long id = launches.create(loaded.name(), now, user);
            int version = store(id, user, sources, loaded, now);
            audit.append(user, "launch.create", Optional.of(id), "", "", json(summary(loaded, version)));
            return new Imported(id, version, loaded.itemIds(), List.of());
        });
    }

    /** Stores a new version; items whose id did not change keep their owner, status and history. */
    public Imported reimport(String user, long id, LaunchSources sources) {
        Loaded loaded = validate(user, Optional.of(id), sources);
        return tx.execute(s -> {
            LaunchStore.Launch launch = launches.lock(id).orElseThrow(() -> new NotFoundException("no launch " + id));
            Set<String> before = new LinkedHashSet<>(views.parsed(id, launch.version()).checklist().allItems().stream()
                    .map(Item::id)
                    .toList());
            long now = clock.millis();
            int version = store(id, user, sources, loaded, now);
            List<String> added =
                    loaded.itemIds().stream().filter(i -> !before.contains(i)).toList();
            Set<String> after = new LinkedHashSet<>(loaded.itemIds());
            List<String> removed =
                    before.stream().filter(i -> !after.contains(i)).toList();
            Map<String, Object> change = summary(loaded, version);
            change.put("added", added);
            change.put("removed", removed);
            audit.append(user, "launch.reimport", Optional.of(id), "", "version " + launch.version(), json(change));
            return new Imported(id, version, added, removed);
        });
    }

    private int store(long id, String user, LaunchSources sources, Loaded loaded, long now) {
        Version v = new Version(
                id,
                0,
                loaded.name(),
                sources.spec(),
                loaded.checklistNames(),
                loaded.launchAt(),
                digest(sources),
                now,
                user,
                loaded.signoffRoles());
        return launches.addVersion(v, sources.checklists(), loaded.scheduleMs(), now);
    }

    private static Map<String, Object> summary(Loaded loaded, int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", loaded.name());
        m.put("version", version);
        m.put("checklists", loaded.checklistNames());
        m.put("items", loaded.itemIds().size());
        m.put("checks", loaded.checks());
        return m;
    }

    /** The digest of a version's sources: the spec and every checklist, by name. */
    static String digest(LaunchSources sources) {
        StringBuilder s = new StringBuilder(AuditChain.sha256Hex(sources.spec()));
        new TreeMap<>(sources.checklists())
                .forEach((name, text) -> s.append('\n').append(name).append('=').append(AuditChain.sha256Hex(text)));
        return AuditChain.sha256Hex(s.toString());
    }

    private record Loaded(
            String name,
            List<String> checklistNames,
            Optional<Long> launchAt,
            Optional<Long> scheduleMs,
            List<String> itemIds,
            int checks,
            List<String> signoffRoles) {}

    private Loaded validate(String user, Optional<Long> launch, LaunchSources sources) {
        List<String> refused = SpecEgress.problems(SpecFiles.SPEC_NAME, sources.spec(), Egress.policy());
        if (!refused.isEmpty()) {
            tx.executeWithoutResult(s ->
                    refused.forEach(r -> audit.append(user, "egress.refused", launch, SpecFiles.SPEC_NAME, "", r)));
        }
        SpecFiles files = load(sources, refused);
        List<String> problems = new ArrayList<>(refused);
        for (PlannedCheck c : files.planned()) {
            if (!localProbes && ServerProbes.isLocal(c.spec().kind())) {
                problems.add(SpecFiles.SPEC_NAME + ":" + c.spec().line() + ": "
                        + c.spec().kind()
                        + " probes read and run things on the server's machine; they are disabled here"
                        + " (golive.probes.local.enabled=false)");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException("invalid launch spec", problems);
        }
        return new Loaded(
                files.spec().name(),
                files.checklistNames(),
                files.spec().launch().map(java.time.Instant::toEpochMilli),
                files.spec().schedule().map(java.time.Duration::toMillis),
                files.checklist().allItems().stream().map(Item::id).toList(),
                files.planned().size(),
                files.spec().signoffs());
    }

    /** Loads the spec; a spec that does not load is 400 with the refused hosts and every problem. */
    private SpecFiles load(LaunchSources sources, List<String> refused) {
        try {
            SpecFiles files = SpecFiles.load(sources, registry.get(), env.get());
            files.requireNotifyReads();
            return files;
        } catch (InputException e) {
            List<String> all = new ArrayList<>(refused);
            all.addAll(e.problems());
            throw new InputException("invalid launch spec", all);
        }
    }

    /** A change to an item's work; absent fields stay as they were. */
    public record ItemPatch(
            Optional<String> owner, Optional<String> status, Optional<String> note, Optional<String> evidenceUrl) {}

    public ItemWork patchItem(String user, long id, String itemId, ItemPatch patch) {
        return tx.execute(s -> {
            LaunchStore.Launch launch = launches.lock(id).orElseThrow(() -> new NotFoundException("no launch " + id));
            boolean known = views.parsed(id, launch.version()).checklist().allItems().stream()
                    .anyMatch(i -> i.id().equals(itemId));
            if (!known) {
                throw new NotFoundException("launch " + id + " has no item '" + itemId + "'");
            }
            ItemWork before = items.get(id, itemId).orElse(ItemWork.empty(itemId));
            ItemWork after = new ItemWork(
                    itemId,
                    patch.owner().or(before::owner).filter(v -> !v.isBlank()),
                    patch.status().or(before::status),
                    patch.note().or(before::note).filter(v -> !v.isBlank()),
                    patch.evidenceUrl().or(before::evidenceUrl).filter(v -> !v.isBlank()),
                    clock.millis(),
                    user);
            items.save(id, after);
            launches.touch(id);
            audit.append(user, "item.update", Optional.of(id), itemId, json(workJson(before)), json(workJson(after)));
            return after;
        });
    }

    static Map<String, Object> workJson(ItemWork w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", w.owner().orElse(null));
        m.put("status", w.status().orElse(null));
        m.put("note", w.note().orElse(null));
        m.put("evidenceUrl", w.evidenceUrl().orElse(null));
        return m;
    }

    static String json(Object o) {
        return JSON.writeValueAsString(o);
    }
}
