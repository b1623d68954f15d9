package io.golive.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The grammar never throws on prose, and every threshold it prints it reads back. */
class ThresholdParserProperties {
    @Property(tries = 500)
    void anyTextIsReadWithoutThrowing(@ForAll String text) {
        ThresholdParser.findAll(text);
    }

    @Property(tries = 500)
    void formattedThresholdsParseBack(@ForAll("thresholds") Threshold t) {
        Threshold back = ThresholdParser.parse(t.expression());
        assertThat(back.op()).isEqualTo(t.op());
        assertThat(back.value()).isEqualTo(t.value());
        assertThat(back.unit()).isEqualTo(t.unit());
    }

    @Provide
    Arbitrary<Threshold> thresholds() {
        Arbitrary<Op> ops = Arbitraries.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.APPROX);
        Arbitrary<Double> values = Arbitraries.integers().between(0, 100_000).map(i -> i / 100.0);
        Arbitrary<Optional<String>> units = Arbitraries.of("", "ms", "s", "min", "h", "d", "%", "req/s", "users", "x")
                .map(u -> u.isEmpty() ? Optional.<String>empty() : Optional.of(u));
        return Combinators.combine(ops, values, units).as((op, v, u) -> new Threshold(Optional.empty(), op, v, u, ""));
    }
}
