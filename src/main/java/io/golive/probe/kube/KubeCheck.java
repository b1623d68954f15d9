package io.golive.probe.kube;

import io.golive.probe.Observation;

/** One verification a {@code kubernetes} check makes through the API server. */
interface KubeCheck {
    /**
     * Runs the verification: what it finds wanting is a FAIL observation; a call the server could not
     * answer is thrown, so that the probe can tell an unreachable server from a refused request.
     */
    Observation run(KubeCall call) throws KubeFailure;
}
