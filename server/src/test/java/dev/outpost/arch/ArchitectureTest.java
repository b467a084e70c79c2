package dev.outpost.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    static JavaClasses classes;

    static final String[] DOMAIN = {
        "dev.outpost.geo..",
        "dev.outpost.common..",
        "dev.outpost.station..",
        "dev.outpost.district..",
        "dev.outpost.demand..",
        "dev.outpost.coverage..",
        "dev.outpost.siting..",
        "dev.outpost.dataio..",
        "dev.outpost.democity..",
        "dev.outpost.account..",
        "dev.outpost.rider..",
        "dev.outpost.review..",
        "dev.outpost.report..",
        "dev.outpost.planning..",
    };

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.outpost");
    }

    @Test
    void domainPackagesDoNotDependOnInfrastructure() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.outpost.http..",
                        "dev.outpost.store..",
                        "dev.outpost.app..",
                        "io.javalin..",
                        "org.jooq..",
                        "java.sql..",
                        "com.graphhopper..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void networkInterfaceDoesNotLeakGraphHopper() {
        noClasses()
                .that()
                .resideInAPackage("dev.outpost.network")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.graphhopper..", "dev.outpost.network.graphhopper..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheGraphHopperAdapterImportsGraphHopper() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.outpost.network.graphhopper..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.graphhopper..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheStoreUsesJooqAndJdbc() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.outpost.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void httpDoesNotReachIntoTheStore() {
        noClasses()
                .that()
                .resideInAPackage("dev.outpost.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.outpost.store..", "dev.outpost.network.graphhopper..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.outpost.(*)..").should().beFreeOfCycles().check(classes);
    }
}
