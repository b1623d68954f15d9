package io.golive.probe;

/**
 * A kind of automated check, such as {@code http} or {@code tls}. Built-in kinds are listed in
 * {@code Probes}; a jar on the class path adds more through {@link java.util.ServiceLoader}.
 *
 * @param <C> the configuration record, bound from the spec's mapping under {@link #kind()}
 */
public interface Probe<C extends ProbeConfig> {
    /** The spec key of this kind ("http"). */
    String kind();

    /** The record the check's configuration is bound to (unknown keys are an error). */
    Class<C> configType();

    /**
     * Runs one check. A target that is down, slow or wrong is an observation (ERROR for could not
     * run, FAIL for found wanting), never an exception; the engine still guards against both.
     */
    Observation run(C config, ProbeContext context);
}
