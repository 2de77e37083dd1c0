package org.sga.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sga.core", "org.sga.content");

    @Test
    void coreIsFreeOfSpringSlackAndMicrosoftTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.slack..", "com.microsoft..", "jakarta.servlet..", "org.sga.app..",
                        "org.sga.slack..", "org.sga.teams..")
                .check(core);
    }

    @Test
    void coreHoldsNoJdbcCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(core);
    }
}
