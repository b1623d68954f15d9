package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.checklist.ThresholdParser;
import io.golive.rollout.Guard.Outcome;
import io.golive.rollout.RolloutState.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardTest {
    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Guard.Start GO = new Guard.Start("GO", false);

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final Fakes.Recorder traffic = new Fakes.Recorder(time);
    private final Fakes.Recorder rollback = new Fakes.Recorder(time);
    private final List<Map<String, Object>> heard = new ArrayList<>();
    private StateFile state;

    @BeforeEach
    void setUp() {
        // Not synced to disk: these tests are about the logic; StateFileTest and the ITs sync.
        state = new StateFile(dir.resolve("shop.rollout.json"), false);
    }

    private static List<Step> standardSteps() {
        return List.of(
                new Step.Weight(10, "s:1"),
                new Step.Hold(Duration.ofHours(2), "s:1"),
                new Step.Weight(50, "s:1"),
                new Step.Hold(Duration.ofHours(4), "s:1"),
                new Step.Weight(100, "s:1"),
                new Step.Watch(Duration.ofHours(2), "s:1"));
    }

    private Plan plan(List<Step> steps, Function<Duration, Double> errorRate, Trigger... triggers) {
        return plan(steps, errorRate, Plan.NoData.DEFAULT, triggers);
    }

    private Plan plan(List<Step> steps, Function<Duration, Double> errorRate, Plan.NoData noData, Trigger... triggers) {
        Metric m = Fakes.metric("error rate", "ratio", time, errorRate);
        return new Plan(
                "shop",
                steps,
                MIN,
                Fakes.metrics(m),
                triggers.length == 0
                        ? List.of(trigger("error rate > 1%", Duration.ZERO, Trigger.Then.ROLLBACK))
                        : List.of(triggers),
                noData,
                new Plan.Configured("fake", traffic, Duration.ofSeconds(5), 2),
                Optional.of(new Plan.Configured("fake", rollback, Duration.ofSeconds(5), 2)));
    }

    private static Trigger trigger(String when, Duration sustain, Trigger.Then then) {
        return new Trigger("error rate", ThresholdParser.parse(when), sustain, then, "LAUNCH.md:154");
    }

    private Guard guard(Plan plan) {
        return new Guard(plan, state, time, time, (e, s) -> heard.add(e));
    }

    private List<String> types() {
        return heard.stream().map(e -> (String) e.get("type")).toList();
    }

    @Test
    void healthyCanaryIsPromotedStepByStepAndCompletesAfterTheWatch() {
        Outcome o = guard(plan(standardSteps(), t -> 0.001)).run(GO);

        assertThat(o).isEqualTo(Outcome.COMPLETED);
        assertThat(traffic.weights).containsExactly(10, 50, 100);
        assertThat(rollback.weights).isEmpty();
        // Healthy time is counted between readings; after a promotion the hold starts from a reading
        // taken one interval later at the new weight.
        assertThat(traffic.times.get(1)).isEqualTo(FakeTime.T0.plus(Duration.ofHours(2)));
        assertThat(traffic.times.get(2))
                .isEqualTo(FakeTime.T0.plus(Duration.ofHours(6)).plus(MIN));
        assertThat(time.elapsed()).isEqualTo(Duration.ofHours(8).plus(MIN.multipliedBy(2)));
        RolloutState s = state.load().orElseThrow();
        assertThat(s.status()).isEqualTo(Status.COMPLETED);
        assertThat(s.chainProblem()).isEmpty();
        assertThat(types()).startsWith("started", "weight", "reading").endsWith("completed");
        assertThat(types().stream().filter("reading"::equals).count()).isEqualTo(8 * 60 + 3);
    }

    @Test
    void aStopDuringAStateSaveLetsTheSaveFinishAndStopsAtTheNextWait() {
        // What SIGTERM does on the command line: a signal that arrived while the state was written
        // used to interrupt the write (ClosedByInterruptException) and end the guard on an error.
        StopSignal stop = new StopSignal(time);
        RolloutStore stopping = new RolloutStore() {
            @Override
            public Optional<RolloutState> load() {
                return state.load();
            }

            @Override
            public void save(RolloutState s) {
                if (s.weight() == 10) {
                    stop.stop();
                }
                state.save(s);
            }

            @Override
            public Requests requests() {
                return state.requests();
            }

            @Override
            public String where() {
                return state.where();
            }
        };
        Outcome o = new Guard(plan(standardSteps(), t -> 0.001), stopping, time, stop, (e, s) -> heard.add(e)).run(GO);

        assertThat(o).isEqualTo(Outcome.STOPPED);
        assertThat(traffic.weights).containsExactly(10);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        RolloutState s = state.load().orElseThrow();
        assertThat(s.status()).isEqualTo(Status.RUNNING);
        assertThat(s.weight()).isEqualTo(10);
        assertThat(s.chainProblem()).isEmpty();
        assertThat(types()).endsWith("stopped").doesNotContain("reading");
    }

    @Test
    void readingsWithoutDataDoNotCountTowardTheHold() {
        // 30 minutes without data in the first hold: the hold ends 30 minutes later than it would.
        Function<Duration, Double> rate =
                t -> t.compareTo(Duration.ofMinutes(30)) > 0 && t.compareTo(Duration.ofMinutes(60)) <= 0 ? null : 0.001;
        Outcome o = guard(plan(standardSteps(), rate, new Plan.NoData(1000, Trigger.Then.ROLLBACK)))
                .run(GO);

        assertThat(o).isEqualTo(Outcome.COMPLETED);
        // 30 missing readings credit nothing, nor does the interval to the first good one after them.
        assertThat(traffic.times.get(1))
                .isEqualTo(FakeTime.T0.plus(Duration.ofHours(2)).plus(MIN.multipliedBy(31)));
        Map<String, Object> missing = heard.stream()
                .filter(e -> e.get("type").equals("reading") && Boolean.FALSE.equals(e.get("healthy")))
                .findFirst()
                .orElseThrow();
        assertThat(missing.get("metrics").toString()).contains("value=null").contains("no data");
    }

    @Test
    void consecutiveReadingsWithoutDataRollBackAfterNoDataAfter() {
        Outcome o = guard(plan(standardSteps(), t -> t.compareTo(Duration.ofMinutes(10)) < 0 ? 0.001 : null))
                .run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.weights).containsExactly(10, 0);
        assertThat(rollback.weights).containsExactly(0);
        // Missing at 10, 11 and 12 minutes: the third in a row rolls back.
        assertThat(traffic.times.getLast()).isEqualTo(FakeTime.T0.plus(Duration.ofMinutes(12)));
        assertThat(types()).containsSubsequence("trigger", "weight", "rollback");
        assertThat(state.load().orElseThrow().status()).isEqualTo(Status.ROLLED_BACK);
    }

    @Test
    void aBreachMustLastForItsWindowBeforeItFires() {
        // A one-reading spike at 20m is ignored; from 40m on the breach is sustained, firing at 42m.
        Function<Duration, Double> rate =
                t -> t.equals(Duration.ofMinutes(20)) || t.compareTo(Duration.ofMinutes(40)) >= 0 ? 0.05 : 0.001;
        Outcome o = guard(plan(
                        standardSteps(),
                        rate,
                        trigger("error rate > 1%", Duration.ofMinutes(2), Trigger.Then.ROLLBACK)))
                .run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.weights).containsExactly(10, 0);
        assertThat(traffic.times.getLast()).isEqualTo(FakeTime.T0.plus(Duration.ofMinutes(42)));
        Map<String, Object> fired = heard.stream()
                .filter(e -> e.get("type").equals("trigger"))
                .findFirst()
                .orElseThrow();
        assertThat(fired).containsEntry("source", "LAUNCH.md:154").containsEntry("reading", 0.05);
    }

    @Test
    void aBreachedReadingDoesNotCountTowardTheHold() {
        Function<Duration, Double> rate = t -> t.equals(Duration.ofMinutes(20)) ? 0.05 : 0.001;
        guard(plan(standardSteps(), rate, trigger("error rate > 1%", Duration.ofMinutes(2), Trigger.Then.ROLLBACK)))
                .run(GO);

        assertThat(traffic.weights).containsExactly(10, 50, 100);
        assertThat(traffic.times.get(1))
                .isEqualTo(FakeTime.T0.plus(Duration.ofHours(2)).plus(MIN.multipliedBy(2)));
    }

    @Test
    void pauseStopsPromotionUntilResumeFromAnotherProcessAndTheHoldGoesOnFromWhereItWas() {
        Function<Duration, Double> rate = t -> t.equals(Duration.ofMinutes(30)) ? 0.05 : 0.001;
        time.at(Duration.ofHours(5), () -> new Control(state).send(Control.Request.RESUME));
        Outcome o = guard(plan(standardSteps(), rate, trigger("error rate > 1%", Duration.ZERO, Trigger.Then.PAUSE)))
                .run(GO);

        assertThat(o).isEqualTo(Outcome.COMPLETED);
        assertThat(types()).containsSubsequence("trigger", "paused", "resumed");
        // 29 minutes were held before the pause; the other 91 after the resume at 5h.
        assertThat(traffic.times.get(1))
                .isEqualTo(FakeTime.T0.plus(Duration.ofHours(5)).plus(MIN.multipliedBy(91)));
        Map<String, Object> resumed = heard.stream()
                .filter(e -> e.get("type").equals("resumed"))
                .findFirst()
                .orElseThrow();
        assertThat(resumed).containsEntry("healthy", Duration.ofMinutes(29).toString());
    }

    @Test
    void whilePausedTheGuardKeepsReadingAndARollbackTriggerStillFires() {
        Function<Duration, Double> rate =
                t -> t.equals(Duration.ofMinutes(30)) ? 0.02 : t.compareTo(Duration.ofMinutes(50)) >= 0 ? 0.2 : 0.001;
        Outcome o = guard(plan(
                        standardSteps(),
                        rate,
                        trigger("error rate > 1%", Duration.ZERO, Trigger.Then.PAUSE),
                        trigger("error rate > 10%", Duration.ZERO, Trigger.Then.ROLLBACK)))
                .run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.times.getLast()).isEqualTo(FakeTime.T0.plus(Duration.ofMinutes(50)));
    }

    @Test
    void abortFromAnotherProcessRollsBackWithinOneInterval() {
        time.at(Duration.ofMinutes(90).plusSeconds(10), () -> new Control(state).send(Control.Request.ABORT));
        Outcome o = guard(plan(standardSteps(), t -> 0.001)).run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.weights).containsExactly(10, 0);
        assertThat(rollback.weights).containsExactly(0);
        assertThat(traffic.times.getLast()).isEqualTo(FakeTime.T0.plus(Duration.ofMinutes(91)));
        assertThat(heard.getLast()).containsEntry("type", "rollback").containsEntry("reason", "aborted");
    }

    @Test
    void aFailingTrafficActionIsRetriedThenRollsBack() {
        traffic.fails = w -> w == 50;
        Outcome o = guard(plan(standardSteps(), t -> 0.001)).run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.weights).containsExactly(10, 50, 50, 50, 0);
        assertThat(rollback.weights).containsExactly(0);
        // Back-off between attempts: 1s, then 2s.
        assertThat(Duration.between(traffic.times.get(1), traffic.times.get(3))).isEqualTo(Duration.ofSeconds(3));
        Map<String, Object> failed = heard.stream()
                .filter(e -> e.get("type").equals("weight") && Boolean.FALSE.equals(e.get("ok")))
                .findFirst()
                .orElseThrow();
        assertThat(failed).containsEntry("attempts", 3).containsEntry("weight", 50);
    }

    @Test
    void theWatchAfterFullTrafficCanStillRollBack() {
        Function<Duration, Double> rate = t -> t.compareTo(Duration.ofHours(7)) >= 0 ? 0.05 : 0.001;
        Outcome o = guard(plan(standardSteps(), rate)).run(GO);

        assertThat(o).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(traffic.weights).containsExactly(10, 50, 100, 0);
        assertThat(types()).doesNotContain("completed");
    }

    @Test
    void aSignalStopsGuardingWithoutTouchingTraffic() {
        time.interruptAt(Duration.ofMinutes(45));
        Outcome o = guard(plan(standardSteps(), t -> 0.001)).run(GO);

        assertThat(o).isEqualTo(Outcome.STOPPED);
        assertThat(traffic.weights).containsExactly(10);
        RolloutState s = state.load().orElseThrow();
        assertThat(s.status()).isEqualTo(Status.RUNNING);
        assertThat(s.weight()).isEqualTo(10);
        assertThat(heard.getLast()).containsEntry("type", "stopped");
    }

    @Test
    void startedAgainAfterAKillItReappliesTheWeightNeverShortensTheHoldAndNeverRepeatsAPromotion() {
        time.crashAt(Duration.ofHours(3).plus(MIN.multipliedBy(30)));
        assertThatThrownBy(() -> guard(plan(standardSteps(), t -> 0.001)).run(GO))
                .isInstanceOf(FakeTime.Killed.class);
        // Killed at 3h30m: 50% was set at 2h, the hold's first reading at 2h01m, its last at 3h29m.
        RolloutState killed = state.load().orElseThrow();
        assertThat(killed.weight()).isEqualTo(50);
        assertThat(killed.healthy()).isEqualTo(Duration.ofMinutes(88));

        time.advance(Duration.ofHours(2)); // no guard ran: this time does not count
        traffic.weights.clear();
        traffic.times.clear();
        Outcome o = guard(plan(standardSteps(), t -> 0.001)).run(GO);

        assertThat(o).isEqualTo(Outcome.COMPLETED);
        assertThat(traffic.weights).containsExactly(50, 100);
        Duration restartedAt = Duration.ofHours(5).plus(MIN.multipliedBy(30));
        // The hold's remaining 152 minutes, counted from the first reading after the restart.
        assertThat(traffic.times.get(1)).isEqualTo(FakeTime.T0.plus(restartedAt).plus(MIN.multipliedBy(152)));
        RolloutState s = state.load().orElseThrow();
        assertThat(s.chainProblem()).isEmpty();
        assertThat(s.events().stream()
                        .filter(e -> e.get("type").equals("weight"))
                        .map(e -> e.get("weight")))
                .containsExactly(10, 50, 50, 100);
        assertThat(s.events().stream().filter(e -> Boolean.TRUE.equals(e.get("reapplied"))))
                .hasSize(1);
    }

    @Test
    void aFinishedRolloutIsNotStartedAgain() {
        guard(plan(standardSteps(), t -> 0.001)).run(GO);
        traffic.weights.clear();

        assertThat(guard(plan(standardSteps(), t -> 0.001)).run(GO)).isEqualTo(Outcome.COMPLETED);
        assertThat(traffic.weights).isEmpty();
    }

    @Test
    void aForcedStartIsRecorded() {
        guard(plan(standardSteps(), t -> 0.001)).run(new Guard.Start("NO_GO", true));

        assertThat(heard.getFirst())
                .containsEntry("type", "started")
                .containsEntry("forced", true)
                .containsEntry("decision", "NO_GO");
    }

    @Test
    void anEditedEventBreaksTheChain() throws Exception {
        guard(plan(standardSteps(), t -> t.compareTo(Duration.ofMinutes(5)) < 0 ? 0.001 : 0.5))
                .run(GO);
        String log = Files.readString(state.eventLog());
        assertThat(state.load().orElseThrow().chainProblem()).isEmpty();
        assertThat(log).contains("\"value\":0.5");

        Files.writeString(state.eventLog(), log.replaceFirst("\"value\":0.5", "\"value\":0.001"));

        assertThat(state.load().orElseThrow().chainProblem())
                .hasValueSatisfying(p -> assertThat(p).contains("was changed"));
    }

    @Test
    void eventsCutFromTheEndOfTheLogAreNoticed() throws Exception {
        guard(plan(standardSteps(), t -> t.compareTo(Duration.ofMinutes(5)) < 0 ? 0.001 : 0.5))
                .run(GO);
        List<String> lines = Files.readAllLines(state.eventLog());

        Files.write(state.eventLog(), lines.subList(0, lines.size() - 2));

        assertThat(state.load().orElseThrow().chainProblem())
                .hasValueSatisfying(p -> assertThat(p).contains("events removed"));
    }
}
