package io.golive.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging of the commands other than serve (whose logging Spring Boot sets up): warnings only, on
 * standard error, so that standard output carries the command's answer alone.
 */
final class CliLogging {
    private CliLogging() {}

    static void quiet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("golive: %level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // Flyway warns that H2 is newer than it was verified with; that is known and harmless here
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
        // A load check's progress line (System.Logger, hence JUL) shows, so a long check is seen running.
        context.getLogger("io.golive.probe.load").setLevel(Level.INFO);
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
}
