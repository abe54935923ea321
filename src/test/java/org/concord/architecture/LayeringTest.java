package org.concord.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direction of dependencies: adapters → services → domain; the store implements domain interfaces. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.concord");
    }

    @Test
    void domainPackagesUseNeitherHttpNorSqlNorTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.concord.label..", "org.concord.catalog..", "org.concord.orbit..",
                        "org.concord.formats..", "org.concord.ingest..", "org.concord.conjunction..",
                        "org.concord.screening..", "org.concord.risk..", "org.concord.audit..",
                        "org.concord.identity..", "org.concord.input..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jooq..", "java.sql..",
                        "javax.sql..", "com.zaxxer..", "org.flywaydb..", "picocli..", "org.concord.store..",
                        "org.concord.http..", "org.concord.cli..", "org.concord.node..")
                .check(classes);
    }

    @Test
    void theLabelAlgebraStandsAlone() {
        noClasses().that().resideInAPackage("org.concord.label..")
                .should().dependOnClassesThat().resideInAnyPackage("org.concord.(*)..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("org.concord.label..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheAdaptersKnowTheAdapters() {
        noClasses().that().resideOutsideOfPackages("org.concord.cli..", "org.concord.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.concord.cli..", "org.concord.http..")
                .check(classes);
        noClasses().that().resideInAPackage("org.concord.http..")
                .should().dependOnClassesThat().resideInAPackage("org.concord.cli..")
                .check(classes);
    }

    @Test
    void theStoreIsReachedOnlyThroughTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("org.concord.store..", "org.concord.node..")
                .should().dependOnClassesThat().resideInAPackage("org.concord.store..")
                .check(classes);
    }
}
