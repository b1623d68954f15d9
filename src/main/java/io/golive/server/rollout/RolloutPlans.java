package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.MojibakeRepair;
import io.golive.egress.Egress;
import io.golive.probe.ProbeRegistry;
import io.golive.probe.kube.KubeActionKind;
import io.golive.rollout.Plan;
import io.golive.rollout.PlanReader;
import io.golive.server.launch.LaunchSources;
import io.golive.server.launch.SpecEgress;
import io.golive.server.launch.SpecFiles;
import io.golive.server.store.LaunchStore;
import io.golive.spec.SpecLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rollout plan of a stored launch version, read by the CLI's {@link PlanReader} from the uploaded
 * spec's {@code rollout:} and its checklists' rollback triggers, under the server's rules: command
 * actions run programs on the server's machine, so they need {@code golive.probes.local.enabled} as
 * command probes do, and every host the spec names must pass the egress policy in force now.
 */
final class RolloutPlans {
    private static final String SPEC = SpecFiles.SPEC_NAME;

    private final LaunchStore launches;
    private final Supplier<ProbeRegistry> registry;
    private final Supplier<Map<String, String>> env;
    private final boolean localActions;
    private final Clock clock;
    private final Map<String, Plan> cache = new ConcurrentHashMap<>();

    RolloutPlans(
            LaunchStore launches,
            Supplier<ProbeRegistry> registry,
            Supplier<Map<String, String>> env,
            boolean localActions,
            Clock clock) {
        this.launches = requireNonNull(launches, "null launches");
        this.registry = requireNonNull(registry, "null registry");
        this.env = requireNonNull(env, "null env");
        this.localActions = localActions;
        this.clock = requireNonNull(clock, "null clock");
    }

    /** The plan, read now; every problem in one {@link InputException} (400), named by uploaded file and line. */
    Plan plan(long launchId, int version) {
        LaunchStore.Version v = launches.version(launchId, version)
                .orElseThrow(() -> new io.golive.NotFoundException("no launch " + launchId + " version " + version));
        Map<String, String> files = launches.files(launchId, version);
        List<String> refused = SpecEgress.problems(SPEC, v.spec(), Egress.policy());
        if (!refused.isEmpty()) {
            throw new InputException(refused);
        }
        Map<String, String> environment = env.get();
        SpecFiles spec = SpecFiles.load(new LaunchSources(v.spec(), files), registry.get(), environment);
        SpecLoader loader = new SpecLoader(registry.get().kinds(), environment);
        ChecklistImporter importer = new ChecklistImporter();
        List<Checklist> checklists = new ArrayList<>();
        for (String name : spec.checklistNames()) {
            checklists.add(importer.parse(name, MojibakeRepair.repair(files.get(name))));
        }
        Plan plan = new PlanReader(registry.get(), List.of(new KubeActionKind(clock)), clock)
                .read(spec.spec(), loader.section(spec.spec(), v.spec(), "rollout"), checklists);
        requireServerActions(plan);
        cache.put(launchId + "/" + version, plan);
        return plan;
    }

    /** The plan as last read (for views), read now when this replica has not read it yet. */
    Optional<Plan> cached(long launchId, int version) {
        Plan p = cache.get(launchId + "/" + version);
        if (p != null) {
            return Optional.of(p);
        }
        try {
            return Optional.of(plan(launchId, version));
        } catch (InputException e) {
            return Optional.empty(); // the spec no longer reads (an environment variable is gone): no plan to show
        }
    }

    private void requireServerActions(Plan plan) {
        List<String> problems = new ArrayList<>();
        List<Plan.Configured> actions = new ArrayList<>(List.of(plan.traffic()));
        plan.rollback().ifPresent(actions::add);
        for (Plan.Configured a : actions) {
            if (a.kind().equals("command") && !localActions) {
                String role = a == plan.traffic() ? "traffic" : "rollback";
                problems.add(SPEC + ": rollout." + role + ": command actions run programs on the server's machine;"
                        + " they are disabled here (golive.probes.local.enabled=false); use webhook or kubernetes");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }
}
