package io.golive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the dependency direction of DESIGN.md. */
class ArchitectureTest {
    private static JavaClasses golive;

    @BeforeAll
    static void importClasses() {
        golive = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.golive");
    }

    @Test
    void onlyCliAndServerUseSpringOrPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.golive.cli..", "io.golive.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "picocli..")
                .check(golive);
    }

    @Test
    void checklistDependsOnNoOtherFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.golive.checklist..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.golive.spec..",
                        "io.golive.probe..",
                        "io.golive.gate..",
                        "io.golive.report..",
                        "io.golive.load..",
                        "io.golive.cli..",
                        "io.golive.server..")
                .check(golive);
    }

    @Test
    void probeDoesNotUseGate() {
        // Probes answer an observation; deciding (items, criteria, GO) is the gate's, which uses them.
        noClasses()
                .that()
                .resideInAnyPackage("io.golive.probe..", "io.golive.spec..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.golive.gate..", "io.golive.report..")
                .check(golive);
    }

    @Test
    void coreDoesNotDependOnCliOrServer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.golive.cli..", "io.golive.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.golive.cli..", "io.golive.server..")
                .check(golive);
    }

    @Test
    void loadEngineIsPureJavaWithItsHistogramAndTheThresholdModel() {
        classes()
                .that()
                .resideInAPackage("io.golive.load..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.net.ssl..",
                        "com.sun.management..",
                        "org.HdrHistogram..",
                        // OpenSSL's TLS engines (netty-tcnative) and what their API names: no Netty channels.
                        "io.netty.handler.ssl..",
                        "io.netty.buffer..",
                        "io.netty.util..",
                        "tools.jackson..",
                        "io.golive",
                        "io.golive.egress..",
                        "io.golive.checklist..",
                        "io.golive.load..")
                .check(golive);
    }
}
