package io.golive.egress;

import java.io.IOException;

/** A connection the egress policy refused before a byte was sent; the message says where and why. */
public final class EgressRefusedException extends IOException {
    public EgressRefusedException(String message) {
        super(message);
    }
}
