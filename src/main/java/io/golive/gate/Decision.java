package io.golive.gate;

/** The answer of the gate. */
public enum Decision {
    GO,
    NO_GO
}
