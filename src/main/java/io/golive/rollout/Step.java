package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/** One step of the rollout plan: set a traffic share, hold at it, or watch after 100%. */
public sealed interface Step {
    /** Where the step was written ("golive.yaml:12", "LAUNCH.md:61"). */
    String source();

    /** The step as {@code --dry-run --json} prints it: {@code {"weight": 10}}, {@code {"hold": "PT2H"}}. */
    Map<String, Object> toJson();

    /** Moves the new version's share to {@code percent}. */
    record Weight(int percent, String source) implements Step {
        public Weight {
            requireNonNull(source, "null source");
        }

        @Override
        public Map<String, Object> toJson() {
            return Map.of("weight", percent);
        }
    }

    /** Ends after {@code duration} of healthy watched time at the current share. */
    record Hold(Duration duration, String source) implements Step {
        public Hold {
            requireNonNull(duration, "null duration");
            requireNonNull(source, "null source");
        }

        @Override
        public Map<String, Object> toJson() {
            return Map.of("hold", duration.toString());
        }
    }

    /** A hold after 100%: guarded the same way, completes the rollout when it ends. */
    record Watch(Duration duration, String source) implements Step {
        public Watch {
            requireNonNull(duration, "null duration");
            requireNonNull(source, "null source");
        }

        @Override
        public Map<String, Object> toJson() {
            return Map.of("watch", duration.toString());
        }
    }
}
