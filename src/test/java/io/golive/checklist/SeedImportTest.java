package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts issue 2 asks of each of the five real checklists. */
class SeedImportTest {
    private static final List<String> MOJIBAKE = List.of("â‰¥", "ðŸ", "üìã", "‚úÖ", "â³", "â–", "Ã");

    static Checklist seed(String n) {
        return new ChecklistImporter().importFile(Seeds.seed(n));
    }

    @ParameterizedTest
    @CsvSource({"000, 38", "001, 36", "002, 272", "003, 84", "004, 145"})
    void countsEveryTaskItemIncludingNestedOnes(String seed, int items) {
        assertThat(seed(seed).allItems()).hasSize(items);
    }

    @Test
    void seed004HasFortyOneTopLevelItemsWithHundredAndFourChildren() {
        Checklist c = seed("004");
        int top = c.allSections().stream().mapToInt(s -> s.items().size()).sum();
        assertThat(top).isEqualTo(41);
        assertThat(c.allItems()).hasSize(41 + 104);
    }

    @ParameterizedTest
    @CsvSource({"000", "001", "002", "003", "004"})
    void noMojibakeIsLeftInAnyText(String seed) {
        Checklist c = seed(seed);
        List<String> texts = new ArrayList<>();
        texts.add(c.title());
        c.allSections().forEach(s -> texts.add(s.title()));
        c.allItems().forEach(i -> texts.add(i.text()));
        c.criteria().forEach(k -> texts.add(k.raw()));
        texts.addAll(c.metadata().values());
        for (String fragment : MOJIBAKE) {
            assertThat(texts).noneMatch(t -> t.contains(fragment));
        }
    }

    @Test
    void seed001GoNoGoTableBecomesCriteria() {
        List<Criterion> goNoGo = seed("001").criteria().stream()
                .filter(k -> k.table().contains("Go/No-Go"))
                .toList();
        assertThat(goNoGo)
                .extracting(Criterion::name)
                .containsExactly("CFUR", "API Latency P95", "Error Rate", "Database CPU", "Active Backups");
        assertThreshold(goNoGo.get(0).threshold(), Op.GE, 99.8, "%");
        assertThreshold(goNoGo.get(1).threshold(), Op.LT, 500, "ms");
        assertThreshold(goNoGo.get(2).threshold(), Op.LT, 0.1, "%");
        assertThreshold(goNoGo.get(3).threshold(), Op.LT, 80, "%");
        assertThat(goNoGo.get(4).raw()).isEqualTo("Hourly");
        assertThat(goNoGo.get(4).threshold()).isPresent();
        assertThat(goNoGo).allMatch(k -> k.phase() == Phase.PRE_LAUNCH);
    }

    @Test
    void seed001SuccessMetricsTableBecomesCriteria() {
        List<Criterion> success = seed("001").criteria().stream()
                .filter(k -> k.table().startsWith("Success Metrics"))
                .toList();
        assertThat(success).hasSize(5);
        assertThat(success.get(3).name()).isEqualTo("Uptime");
        assertThreshold(success.get(3).threshold(), Op.GE, 99.9, "%");
        assertThat(success.get(4).name()).isEqualTo("User Satisfaction");
        assertThreshold(success.get(4).threshold(), Op.GE, 4.5, "/5");
        assertThat(success).allMatch(k -> k.phase() == Phase.POST_LAUNCH);
    }

    @Test
    void contactTablesAreContactsNotCriteria() {
        Checklist c = seed("004");
        assertThat(c.criteria()).isEmpty();
        assertThat(c.contacts())
                .extracting(Contact::role)
                .containsExactly("Release Manager", "Technical Lead", "Infrastructure", "Compliance");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "000;",
                "001;CPO|CTO|DevOps Lead|Security Lead",
                "002;Technical Lead|Product Manager|Operations Lead|CTO / Engineering Director",
                "003;",
                "004;Release Manager|Technical Lead|Security Officer|Compliance Officer|Business Owner"
            })
    void findsTheSignOffRoles(String seed, String roles) {
        List<String> expected = roles == null ? List.of() : List.of(roles.split("\\|"));
        assertThat(seed(seed).signoffs()).extracting(Signoff::role).containsExactlyElementsOf(expected);
    }

    @Test
    void seed001RollbackTriggersAreAutomatic() {
        List<RollbackTrigger> triggers = seed("001").rollbackTriggers();
        assertThat(triggers).hasSize(3);
        assertThat(triggers).allMatch(t -> t.action().equals(Optional.of("AUTO ROLLBACK")));
        assertThreshold(triggers.get(0).threshold(), Op.LT, 99.5, "%");
        assertThreshold(triggers.get(1).threshold(), Op.GT, 1, "s");
        assertThreshold(triggers.get(2).threshold(), Op.GT, 1, "%");
        assertThat(triggers.get(0).threshold().orElseThrow().metric()).hasValue("CFUR");
    }

    @Test
    void seed004HasOneNumericAndFourDescribedTriggers() {
        List<RollbackTrigger> triggers = seed("004").rollbackTriggers();
        assertThat(triggers).hasSize(5);
        assertThat(triggers)
                .filteredOn(t -> t.threshold().isPresent())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.text()).isEqualTo("Performance degradation > 50%");
                    assertThreshold(t.threshold(), Op.GT, 50, "%");
                });
    }

    @Test
    void mustHaveItemsBlockAndShouldHaveItemsDoNot() {
        Checklist c = seed("004");
        Section must = section(c, "must-have-blocking");
        Section should = section(c, "should-have-non-blocking");
        assertThat(must.items()).hasSize(5).allMatch(Item::blocking);
        assertThat(should.items()).hasSize(4).noneMatch(Item::blocking);
    }

    @Test
    void optionalAndIfApplicableItemsDoNotBlock() {
        assertThat(item(seed("002"), "CDN configured (if applicable)").blocking())
                .isFalse();
        assertThat(item(seed("001"), "Activate Caching (Optional but Recommended)")
                        .blocking())
                .isFalse();
        assertThat(item(seed("002"), "DNS configured").blocking()).isTrue();
    }

    @Test
    void timelineHeadingsGivePhasesAndOffsets() {
        Checklist c1 = seed("001");
        assertThat(section(c1, "t-24-hours").offset()).hasValue("-PT24H");
        assertThat(section(c1, "t-24-hours").phase()).isEqualTo(Phase.PRE_LAUNCH);
        assertThat(section(c1, "launch-t-0").phase()).isEqualTo(Phase.LAUNCH);
        assertThat(section(c1, "first-24-hours").phase()).isEqualTo(Phase.POST_LAUNCH);
        Checklist c2 = seed("002");
        assertThat(section(c2, "pre-launch-t-2-hours").offset()).hasValue("-PT2H");
        assertThat(section(c2, "post-launch-t-1-hour").phase()).isEqualTo(Phase.POST_LAUNCH);
        assertThat(section(c2, "post-launch-week-4").phase()).isEqualTo(Phase.POST_LAUNCH);
        assertThat(section(seed("003"), "phase-1-infrastructure-day-7").offset())
                .hasValue("-P7D");
        assertThat(section(seed("000"), "post-launch").phase()).isEqualTo(Phase.POST_LAUNCH);
    }

    @Test
    void seed000ModelGatesCarryTheirThresholds() {
        Checklist c = seed("000");
        assertThat(item(c, "Model performance meets minimum thresholds (AUC > 0.70)")
                        .criteria())
                .singleElement()
                .satisfies(t -> assertThreshold(Optional.of(t), Op.GT, 0.70, null));
        assertThat(item(c, "Calibration verified (ECE < 0.10)").criteria())
                .singleElement()
                .satisfies(t -> assertThreshold(Optional.of(t), Op.LT, 0.10, null));
        List<Threshold> fairness =
                item(c, "Fairness metrics pass gates (AIR ≥ 0.80, gaps ≤ 0.05)").criteria();
        assertThat(fairness).hasSize(2);
        assertThreshold(Optional.of(fairness.get(0)), Op.GE, 0.80, null);
        assertThreshold(Optional.of(fairness.get(1)), Op.LE, 0.05, null);
        assertThat(item(c, "Load testing completed (target: 1000 req/s)").criteria())
                .singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo(1000));
    }

    @Test
    void seed000LaunchDayMetricsAreCriteriaOfTheLaunchPhase() {
        Section launch = section(seed("000"), "launch-day");
        assertThat(launch.phase()).isEqualTo(Phase.LAUNCH);
        assertThat(launch.items()).isEmpty();
        assertThat(launch.criteria())
                .extracting(Threshold::op, Threshold::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Op.LT, 500.0),
                        org.assertj.core.groups.Tuple.tuple(Op.LT, 5.0),
                        org.assertj.core.groups.Tuple.tuple(Op.GT, 99.9),
                        org.assertj.core.groups.Tuple.tuple(Op.LT, 0.1));
    }

    @Test
    void seed000GradualRolloutIsKeptAsAPlan() {
        List<RolloutStep> plan = seed("000").rolloutPlan();
        assertThat(plan)
                .extracting(s -> s.trafficPercent().orElse(null))
                .containsExactly(10.0, null, 50.0, null, 100.0);
        assertThat(plan).extracting(s -> s.hold().orElse(null)).containsExactly(null, "PT2H", null, "PT4H", null);
    }

    @Test
    void seed002ThresholdsAreFoundWhereverTheyStand() {
        Checklist c = seed("002");
        assertThreshold(first(item(c, "Code coverage ≥80%")), Op.GE, 80, "%");
        assertThreshold(first(item(c, "Load test: p95 response time <500ms")), Op.LT, 500, "ms");
        assertThreshold(first(item(c, "Load test: Error rate <0.1%")), Op.LT, 0.1, "%");
        assertThreshold(first(item(c, "Cache hit rate >40%")), Op.GT, 40, "%");
        assertThreshold(first(item(c, "Constitutional validation <200ms")), Op.LT, 200, "ms");
        assertThreshold(first(item(c, "Knowledge Ocean retrieval <100ms")), Op.LT, 100, "ms");
        assertThreshold(first(item(c, "AI Routing decision <50ms")), Op.LT, 50, "ms");
        assertThat(first(item(c, "RTO defined (target: 1 hour)")).orElseThrow().unit())
                .hasValue("h");
        assertThat(first(item(c, "RPO defined (target: 15 minutes)"))
                        .orElseThrow()
                        .value())
                .isEqualTo(15);
    }

    @Test
    void seed003KubernetesVersionIsAThreshold() {
        Threshold t = first(item(seed("003"), "Kubernetes cluster version verified (1.24+)"))
                .orElseThrow();
        assertThat(t.op()).isEqualTo(Op.GE);
        assertThat(t.value()).isEqualTo(1.24);
    }

    @Test
    void itemIdsAreUniqueAndStable() {
        for (String n : List.of("000", "001", "002", "003", "004")) {
            List<String> ids = seed(n).allItems().stream().map(Item::id).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(seed(n).allItems().stream().map(Item::id).toList()).isEqualTo(ids);
        }
        assertThat(seed("002").allItems()).extracting(Item::id).contains("security/ssl-tls-certificates-valid");
    }

    static Optional<Threshold> first(Item item) {
        return item.criteria().stream().findFirst();
    }

    static Section section(Checklist c, String id) {
        return c.allSections().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id + " in "
                        + c.allSections().stream().map(Section::id).toList()));
    }

    static Item item(Checklist c, String text) {
        return c.allItems().stream()
                .filter(i -> i.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item '" + text + "'"));
    }

    static void assertThreshold(Optional<Threshold> t, Op op, double value, String unit) {
        assertThat(t).as("threshold").isPresent();
        assertThat(t.get().op()).isEqualTo(op);
        assertThat(t.get().value()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.get().unit()).isEqualTo(Optional.ofNullable(unit));
    }

    static Stream<String> seeds() {
        return Stream.of("000", "001", "002", "003", "004");
    }
}
