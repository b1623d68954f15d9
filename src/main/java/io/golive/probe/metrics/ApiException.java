package io.golive.probe.metrics;

/** An API call that got no usable answer; the message is the reason as a check's summary shows it. */
final class ApiException extends Exception {
    ApiException(String reason) {
        super(reason);
    }
}
