package org.sga.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Where each platform's types may appear: in its adapter and the application's wiring for it, nowhere else; the
 * adapters know neither each other nor the application; storage knows no platform.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sga");

    @Test
    void slackTypesStayInTheSlackAdapterAndItsWiring() {
        noClasses().that().resideOutsideOfPackages("org.sga.slack..", "org.sga.app.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(classes);
    }

    @Test
    void microsoftTypesStayInTheTeamsAdapterAndItsWiring() {
        noClasses().that().resideOutsideOfPackages("org.sga.teams..", "org.sga.app.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft..")
                .check(classes);
    }

    @Test
    void adaptersKnowNeitherEachOtherNorTheApplication() {
        noClasses().that().resideInAPackage("org.sga.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sga.teams..", "org.sga.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.sga.teams..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sga.slack..", "org.sga.app..")
                .check(classes);
    }

    @Test
    void storageKnowsNoPlatformConsoleOrTool() {
        noClasses().that().resideInAPackage("org.sga.app.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sga.slack..", "org.sga.teams..",
                        "org.sga.app.slack..", "org.sga.app.teams..", "org.sga.app.console..", "org.sga.app.cli..")
                .check(classes);
    }
}
