package io.golive.server.launch;

import io.golive.NotFoundException;
import io.golive.gate.CheckResult;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.ItemResult;
import io.golive.probe.Status;
import io.golive.report.ReportJson;
import io.golive.server.signoff.EvidenceDigest;
import io.golive.server.signoff.SignoffDecision;
import io.golive.server.signoff.SignoffStore;
import io.golive.server.signoff.SignoffStore.WaiverRow;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.ItemStore;
import io.golive.server.store.ItemStore.ItemWork;
import io.golive.server.store.LaunchStore;
import io.golive.server.store.LaunchStore.Launch;
import io.golive.server.store.LaunchStore.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds launch views from the store and keeps the newest per launch. A cached view is served while
 * the launch's revision (bumped by every change, on any replica) is unchanged and no due date or
 * waiver expiry has passed, so a read costs one indexed query.
 */
public final class LaunchViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LaunchStore launches;
    private final ItemStore items;
    private final EvaluationStore evaluations;
    private final SignoffStore signoffs;
    private final Clock clock;
    private final Map<Long, LaunchView> cache = new ConcurrentHashMap<>();
    /** The imported checklist of each launch's newest version asked for (older versions are rarely asked for again). */
    private final Map<Long, ParsedVersion> parsed = new ConcurrentHashMap<>();

    public LaunchViews(
            LaunchStore launches, ItemStore items, EvaluationStore evaluations, SignoffStore signoffs, Clock clock) {
        this.launches = launches;
        this.items = items;
        this.evaluations = evaluations;
        this.signoffs = signoffs;
        this.clock = clock;
    }

    /** The current view; 404 when there is no such launch. */
    public LaunchView view(long id) {
        long revision = launches.revision(id).orElseThrow(() -> new NotFoundException("no launch " + id));
        LaunchView cached = cache.get(id);
        if (cached != null && cached.revision() == revision && clock.millis() < cached.validUntil()) {
            return cached;
        }
        LaunchView fresh = build(id);
        cache.put(id, fresh);
        return fresh;
    }

    /** The current view of every launch. */
    public List<LaunchView> all() {
        return launches.all().stream().map(l -> view(l.id())).toList();
    }

    /** An item's check results, newest first (the latest 500); 404 when there is no such launch. */
    public ItemHistory history(long id, String itemId) {
        view(id);
        return ItemHistory.of(itemId, evaluations.history(id, itemId, 500), clock.instant());
    }

    /** A run with the results of its checks (none until it is DONE). */
    public record Evaluated(EvaluationStore.Run run, List<CheckResult> results) {}

    /** Every run of the launch, newest first; 404 when there is no such launch. */
    public List<EvaluationStore.Run> evaluations(long id) {
        view(id);
        return evaluations.runs(id);
    }

    /** One run of the launch; 404 when the launch has no such run. */
    public Evaluated evaluation(long id, long evaluationId) {
        EvaluationStore.Run r = evaluations
                .run(id, evaluationId)
                .orElseThrow(() -> new NotFoundException("launch " + id + " has no evaluation " + evaluationId));
        return new Evaluated(r, r.status().equals("DONE") ? evaluations.results(evaluationId) : List.of());
    }

    /** Builds the view from the store, bypassing the cache (for decisions taken inside a transaction). */
    public LaunchView build(long id) {
        Launch launch = launches.launch(id)
                .filter(l -> l.version() > 0)
                .orElseThrow(() -> new NotFoundException("no launch " + id));
        ParsedVersion pv = parsed(launch.id(), launch.version());
        long now = clock.millis();
        List<CheckResult> results = evaluations
                .latestDone(id, launch.version())
                .map(r -> evaluations.results(r.id()))
                .orElse(List.of());
        Map<String, ItemWork> work = items.all(id);
        List<WaiverRow> waivers = signoffs.waivers(id);
        Map<String, Status> overrides = new HashMap<>();
        work.forEach((item, w) -> w.status().ifPresent(s -> overrides.put(item, Status.valueOf(s))));
        waivers.stream().filter(w -> w.expiresAt() > now).forEach(w -> overrides.put(w.itemId(), Status.WAIVED));
        // A waiver names an item or a Go/No-Go criterion by its id (POST /waivers {item: ...}).
        Set<String> waivedCriteria = new HashSet<>();
        waivers.stream().filter(w -> w.expiresAt() > now).forEach(w -> waivedCriteria.add(w.itemId()));
        Evaluation gate = new Gate().evaluate(pv.checklist(), results, overrides, waivedCriteria);
        String digest = EvidenceDigest.of(pv.version().digest(), gate);
        SignoffDecision.Result decided = SignoffDecision.decide(gate, signoffs.signoffs(id), digest);
        Optional<EvaluationStore.Run> run = evaluations.latestDone(id, launch.version());
        ViewJson.Built built = new ViewJson(pv, work, waivers, now).json(launch, decided, digest, run);
        byte[] bytes = JSON.writeValueAsBytes(built.json());
        return new LaunchView(
                id,
                launch.name(),
                launch.revision(),
                built.validUntil(),
                pv,
                decided.evaluation(),
                decided,
                digest,
                built.readiness(),
                built.json(),
                bytes,
                gzip(bytes));
    }

    private static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 8);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    ParsedVersion parsed(long id, int version) {
        ParsedVersion cached = parsed.get(id);
        if (cached != null && cached.version().version() == version) {
            return cached;
        }
        Version v = launches.version(id, version).orElseThrow(() -> new NotFoundException("no launch " + id));
        Map<String, String> texts = SpecFiles.texts(v.checklistNames(), launches.files(id, version));
        ParsedVersion fresh = new ParsedVersion(v, SpecFiles.imported(v.name(), texts, v.signoffRoles()), texts);
        if (cached == null || cached.version().version() < version) {
            parsed.put(id, fresh);
        }
        return fresh;
    }

    /** When an item is due: T-0 plus its section's offset. */
    static Optional<Instant> due(Version v, ItemResult r) {
        if (v.launchAt().isEmpty() || r.section().offset().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(v.launchAt().get())
                    .plus(Duration.parse(r.section().offset().get())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Map<String, Object> report(Evaluation e) {
        return ReportJson.of(e);
    }
}
