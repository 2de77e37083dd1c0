package org.sga.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java: what it may use is listed (an allowlist, so a new framework in the core fails here rather
 * than slipping past a list of forbidden ones).
 */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sga.core", "org.sga.content");

    @Test
    void coreUsesOnlyTheJdkLuceneTheEmbeddingModelsYamlAndItself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..",
                        "org.apache.lucene..",
                        "dev.langchain4j..",
                        // ONNX Runtime, the embedding models' runtime: only to load a model with options of our own
                        "ai.onnxruntime..",
                        "org.yaml.snakeyaml..",
                        "org.sga.core..", "org.sga.content..")
                .check(core);
    }

    @Test
    void contentDependsOnNothingOfTheCore() {
        noClasses().that().resideInAPackage("org.sga.content..")
                .should().dependOnClassesThat().resideInAPackage("org.sga.core..")
                .check(core);
    }

    @Test
    void coreHoldsNoJdbcCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(core);
    }
}
