package io.golive.server.demo;

import io.golive.server.demo.DemoAccounts.Account;
import io.golive.server.demo.DemoLaunches.DemoLaunch;
import io.golive.server.launch.EvaluationRunner;
import io.golive.server.launch.LaunchService;
import io.golive.server.launch.LaunchSources;
import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.security.Roles;
import io.golive.server.signoff.SignoffDecision.RoleState;
import io.golive.server.signoff.SignoffService;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * Puts the sample launches into a running server: imports each (or a new version when its text
 * changed), runs its checks once and waits for them, then signs off the sample meant to be GO as the
 * demo's users for its roles.
 */
final class DemoSeeder {
    private static final String ACTOR = "demo";

    private final LaunchService service;
    private final LaunchStore launches;
    private final EvaluationRunner runner;
    private final EvaluationStore evaluations;
    private final SignoffService signoffs;
    private final LaunchViews views;
    private final Clock clock;

    DemoSeeder(ApplicationContext context) {
        this.service = context.getBean(LaunchService.class);
        this.launches = context.getBean(LaunchStore.class);
        this.runner = context.getBean(EvaluationRunner.class);
        this.evaluations = context.getBean(EvaluationStore.class);
        this.signoffs = context.getBean(SignoffService.class);
        this.views = context.getBean(LaunchViews.class);
        this.clock = context.getBean(Clock.class);
    }

    /** Imports every sample, runs its checks once, waits for them at most {@code wait}, signs. */
    List<Demo.SampleLaunch> seed(List<DemoLaunch> samples, List<Account> accounts, Duration wait)
            throws InterruptedException {
        List<Long> ids = samples.stream().map(this::store).toList();
        List<Long> runs = ids.stream()
                .map(id -> runner.start(ACTOR, id, "manual", Optional.empty()))
                .toList();
        long deadline = clock.millis() + wait.toMillis();
        List<Demo.SampleLaunch> seeded = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            long id = ids.get(i);
            boolean done = await(id, runs.get(i), deadline);
            if (done && samples.get(i).signedByDemo()) {
                approve(id, accounts);
            }
            LaunchView v = views.view(id);
            seeded.add(new Demo.SampleLaunch(
                    id,
                    v.name(),
                    v.evaluation().decision().name(),
                    v.evaluation().reasons(),
                    done));
        }
        return seeded;
    }

    /** Imports the sample, or stores a new version of the launch of that name when its text changed. */
    private long store(DemoLaunch sample) {
        Optional<LaunchStore.Launch> existing = launches.all().stream()
                .filter(l -> l.name().equals(sample.name()))
                .findFirst();
        if (existing.isEmpty()) {
            return service.create(ACTOR, sample.sources()).id();
        }
        LaunchStore.Launch l = existing.get();
        LaunchSources current = new LaunchSources(
                launches.version(l.id(), l.version()).orElseThrow().spec(), launches.files(l.id(), l.version()));
        if (!current.equals(sample.sources())) {
            service.reimport(ACTOR, l.id(), sample.sources());
        }
        return l.id();
    }

    private boolean await(long id, long run, long deadline) throws InterruptedException {
        while (true) {
            String status =
                    evaluations.run(id, run).map(EvaluationStore.Run::status).orElse("RUNNING");
            if (!status.equals("RUNNING")) {
                return status.equals("DONE");
            }
            if (clock.millis() >= deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** Approves every role with no sign-off yet or a stale one; a fresh sign-off, even a rejection, stands. */
    private void approve(long id, List<Account> accounts) {
        for (RoleState state : views.view(id).signoffs().roles()) {
            if (state.latest().isPresent() && !state.stale()) {
                continue;
            }
            accounts.stream()
                    .filter(a -> a.roles().stream().anyMatch(r -> Roles.same(r, state.role())))
                    .findFirst()
                    .ifPresent(a -> signoffs.sign(
                            a.name(),
                            Set.copyOf(a.roles()),
                            id,
                            state.role(),
                            "APPROVE",
                            Optional.of("approved by golive demo at start")));
        }
    }
}
