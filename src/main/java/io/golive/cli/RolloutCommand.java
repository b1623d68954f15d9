package io.golive.cli;

import io.golive.InputException;
import io.golive.checklist.Checklist;
import io.golive.checklist.ChecklistImporter;
import io.golive.checklist.Checklists;
import io.golive.gate.Decision;
import io.golive.gate.Engine;
import io.golive.gate.Evaluation;
import io.golive.gate.Gate;
import io.golive.gate.Planner;
import io.golive.gate.RunOptions;
import io.golive.notify.Destination;
import io.golive.notify.NotifyReader;
import io.golive.probe.ProbeRegistry;
import io.golive.probe.kube.KubeActionKind;
import io.golive.report.Json;
import io.golive.rollout.ActionKind;
import io.golive.rollout.Control;
import io.golive.rollout.Guard;
import io.golive.rollout.GuardLock;
import io.golive.rollout.Plan;
import io.golive.rollout.PlanReader;
import io.golive.rollout.PlanView;
import io.golive.rollout.RolloutState;
import io.golive.rollout.StateFile;
import io.golive.rollout.StopSignal;
import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive rollout}: the launch-day guard, and its status, resume, pause and abort. */
@Command(
        name = "rollout",
        mixinStandardHelpOptions = true,
        description = {
            "Guard the launch: set traffic step by step, hold while every metric is",
            "healthy, roll back on a trigger. Starts only after the gate decides GO",
            "(or with --force). Exit 0 completed, 1 rolled back or NO-GO, 2 bad input,",
            "130/143 stopped by a signal (traffic left as it is). With status, resume,",
            "pause or abort: act on the rollout, also while a guard runs."
        })
public final class RolloutCommand implements Callable<Integer> {
    static final int SIGINT = 130;
    static final int SIGTERM = 143;
    private static final List<String> ACTIONS = List.of("status", "resume", "pause", "abort");

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The launch spec with a rollout: section.")
    Path file;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "ACTION",
            description = "status, resume, pause or abort; none: run the guard.")
    String action;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "The state file (default .golive/NAME.rollout.json beside the spec).")
    Path stateFile;

    @Option(names = "--dry-run", description = "Print the plan (steps, metrics, triggers, actions) and exit.")
    boolean dryRun;

    @Option(names = "--force", description = "Start although the gate decides NO-GO (recorded in the started event).")
    boolean force;

    @Option(names = "--json", description = "Print the plan (--dry-run) or the final state as JSON on standard output.")
    boolean json;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    EgressOptions egress;

    @Override
    public Integer call() {
        // the policy covers the gate's checks, the metric readings and the traffic and rollback webhooks
        try (var policy = egress.install()) {
            return guarded();
        }
    }

    private Integer guarded() {
        if (action != null && !ACTIONS.contains(action.toLowerCase(Locale.ROOT))) {
            throw new InputException("unknown action '" + action + "' (use " + String.join(", ", ACTIONS)
                    + ", or none to run the guard)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProbeRegistry registry = ProbeRegistry.load(getClass().getClassLoader());
        SpecLoader loader = new SpecLoader(registry.kinds(), System.getenv());
        LaunchSpec launch = loader.load(file);
        List<Checklist> checklists = checklists(launch, err);
        Plan plan = new PlanReader(registry, actionKinds(Clock.systemUTC()), Clock.systemUTC())
                .read(launch, loader.section(launch, "rollout"), checklists);
        StateFile state = new StateFile(stateFile != null ? stateFile : defaultState(launch));
        // a broken notify: entry is a spec problem before anything moves, in a dry run too
        List<Destination> destinations = NotifyReader.forThisHost().read(launch, loader.section(launch, "notify"));
        if (dryRun) {
            out.print(json ? Json.write(PlanView.json(plan)) + "\n" : PlanView.text(plan));
            out.flush();
            return Main.OK;
        }
        if (action != null) {
            return act(action.toLowerCase(Locale.ROOT), plan, state, out, err);
        }
        try (LaunchNotices notices = LaunchNotices.open(launch, destinations, state.path(), err)) {
            return guard(launch, checklists, registry, plan, state, notices, out, err);
        }
    }

    /** The traffic and rollback actions beyond the rollout package's own (command, webhook). */
    public static List<ActionKind> actionKinds(Clock clock) {
        return List.of(new KubeActionKind(clock));
    }

    static Path defaultState(LaunchSpec launch) {
        return launch.baseDir()
                .resolve(".golive")
                .resolve(launch.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".rollout.json");
    }

    private static List<Checklist> checklists(LaunchSpec launch, PrintWriter err) {
        ChecklistImporter importer = new ChecklistImporter();
        List<Checklist> out = new ArrayList<>();
        for (Path f : launch.checklists()) {
            Checklist c = importer.parse(f.toString(), importer.readText(f));
            c.warnings().forEach(w -> err.println("warning: " + f + ": " + w));
            out.add(c);
        }
        return out;
    }

    private int guard(
            LaunchSpec launch,
            List<Checklist> checklists,
            ProbeRegistry registry,
            Plan plan,
            StateFile state,
            LaunchNotices notices,
            PrintWriter out,
            PrintWriter err) {
        Optional<GuardLock> lock = GuardLock.tryAcquire(state);
        if (lock.isEmpty()) {
            throw new InputException(
                    state.path() + ": another guard is running on this state (use status, resume, pause or abort)");
        }
        try (GuardLock held = lock.get()) {
            Optional<RolloutState> saved = state.load();
            Guard.Start start;
            if (saved.isPresent()) {
                start = Guard.Start.carryingOn();
            } else {
                Decision d = decide(launch, checklists, registry, err);
                if (d != Decision.GO && !force) {
                    err.println("NO-GO: the rollout does not start (golive check " + file
                            + " shows why; --force starts it anyway, recorded)");
                    return Main.NO_GO;
                }
                start = new Guard.Start(d.name(), d != Decision.GO);
            }
            StopSignal stop = new StopSignal(Clock.systemUTC());
            Signals signals = Signals.install(stop);
            Guard.Outcome outcome;
            try {
                boolean terminal = System.console() != null;
                outcome = new Guard(plan, state, Clock.systemUTC(), stop, (e, s) -> {
                            // On a terminal a reading updates one status line; every other event is a line.
                            if (terminal && "reading".equals(e.get("type"))) {
                                err.print("\r\033[K" + RolloutLines.statusLine(plan, e));
                            } else {
                                err.println((terminal ? "\r\033[K" : "") + RolloutLines.line(e));
                            }
                            err.flush();
                            notices.guardEvent(e);
                        })
                        .run(start);
            } finally {
                signals.uninstall();
            }
            RolloutState s = state.load().orElseThrow();
            if (json) {
                out.print(Json.write(statusJson(s)) + "\n");
                out.flush();
            }
            return switch (outcome) {
                case COMPLETED -> Main.OK;
                case ROLLED_BACK -> Main.NO_GO;
                case STOPPED -> {
                    err.println("stopped guarding at " + s.weight()
                            + "% (traffic left as it is); to carry on: golive rollout " + file
                            + (stateFile == null ? "" : " --state " + stateFile));
                    yield signals.code();
                }
            };
        }
    }

    /** The pre-launch gate, decided as {@code golive check} decides it. */
    private static Decision decide(
            LaunchSpec launch, List<Checklist> checklists, ProbeRegistry registry, PrintWriter err) {
        List<Checklists.Part> parts = new ArrayList<>();
        for (int i = 0; i < checklists.size(); i++) {
            parts.add(
                    new Checklists.Part(launch.checklists().get(i).getFileName().toString(), checklists.get(i)));
        }
        Checklist checklist = Checklists.combine(launch.name(), parts).withSignoffs(launch.signoffs());
        RunOptions options = new RunOptions(RunOptions.DEFAULT_CHECK_TIMEOUT, Duration.ofMinutes(10), 64, 16);
        var results = new Engine(Clock.systemUTC())
                .run(launch, new Planner(registry).plan(launch, checklist), options, new ProgressLine(err, false));
        Evaluation e = new Gate().evaluate(checklist, results);
        err.println("gate: " + e.decision()
                + (e.reasons().isEmpty()
                        ? ""
                        : " ("
                                + String.join(
                                        "; ",
                                        e.reasons()
                                                .subList(
                                                        0,
                                                        Math.min(3, e.reasons().size()))) + ")"));
        return e.decision();
    }

    private int act(String what, Plan plan, StateFile state, PrintWriter out, PrintWriter err) {
        if (what.equals("status")) {
            RolloutState s = state.load()
                    .orElseThrow(() -> new InputException(state.path() + ": no rollout has started (no state file)"));
            if (json) {
                out.print(Json.write(statusJson(s)) + "\n");
            } else {
                out.print(RolloutLines.status(plan, s));
            }
            out.flush();
            return Main.OK;
        }
        Control.Request request = Control.Request.valueOf(what.toUpperCase(Locale.ROOT));
        Optional<GuardLock> lock = GuardLock.tryAcquire(state);
        if (lock.isPresent()) {
            try (GuardLock held = lock.get()) {
                RolloutState s = new Guard(
                                plan,
                                state,
                                Clock.systemUTC(),
                                Guard.Sleeper.of(Clock.systemUTC()),
                                (e, st) -> err.println(RolloutLines.line(e)))
                        .applyNow(request);
                err.println("no guard is running: " + what + " applied to the state (" + s.status() + " at "
                        + s.weight() + "%)");
                return s.status() == RolloutState.Status.ROLLED_BACK ? Main.NO_GO : Main.OK;
            }
        }
        Control control = new Control(state);
        control.send(request);
        err.println("asked the running guard to " + what + "; it acts at its next reading (within "
                + io.golive.spec.Durations.format(plan.interval()) + ")");
        Instant until = Instant.now().plus(plan.interval().multipliedBy(2)).plusSeconds(5);
        while (control.pending().isPresent() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SIGINT;
            }
        }
        if (control.pending().isPresent()) {
            err.println("the guard has not taken the request yet; it stays waiting for it");
        } else {
            err.println("the guard took the request");
        }
        return Main.OK;
    }

    private static Map<String, Object> statusJson(RolloutState s) {
        Map<String, Object> m = new LinkedHashMap<>(s.toJson());
        Optional<String> problem = s.chainProblem();
        m.put("verified", problem.isEmpty());
        problem.ifPresent(p -> m.put("verifyProblem", p));
        return m;
    }
}
