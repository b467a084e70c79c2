package dev.outpost.network;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** GraphHopper stays inside {@code network.graphhopper}; the network interface package stays pure. */
class NetworkArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.outpost");

    @Test
    void onlyTheGraphHopperPackageImportsGraphHopper() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.outpost.network.graphhopper..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.graphhopper..")
                .check(CLASSES);
    }

    @Test
    void theNetworkPackageDoesNotKnowItsImplementation() {
        noClasses()
                .that()
                .resideInAPackage("dev.outpost.network")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.outpost.network.graphhopper..", "io.javalin..", "org.jooq..", "java.sql..")
                .check(CLASSES);
    }
}
