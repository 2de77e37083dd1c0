package org.sga.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.store.Store;
import org.sga.app.store.StoreConfiguration;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.EmbeddingModel;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The embedded database and the cache of content embeddings both live in the one data folder the settings bind. */
class DataFolderTest {

    @TempDir
    Path environmentFolder;

    @TempDir
    Path propertyFolder;

    /** The application's wiring; beans are made when asked for, so only the database and the embedder are. */
    private ApplicationContextRunner application(Map<String, Object> processEnvironment) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(StoreConfiguration.class, CoreConfiguration.class)
                .withBean(LazyInitializationBeanFactoryPostProcessor.class)
                .withPropertyValues("sga.outbox.worker-enabled=false")
                .withInitializer(context -> {
                    var sources = context.getEnvironment().getPropertySources();
                    sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
                    sources.addLast(new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
                });
    }

    @Test
    void givenTheDataFolderAsAProperty_thenTheEmbeddingCacheIsWrittenThereBesideTheDatabase_notWhereTheEnvironmentSays() {
        application(Map.of("SGA_DATA_DIR", environmentFolder.toString(), "SGA_EMBEDDING_MODEL", "minilm"))
                .withPropertyValues("sga.data.dir=" + propertyFolder)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(Store.class);
                    CachedEmbedder embedder = context.getBean(CachedEmbedder.class);
                    embedder.embedContent("an invented phrasing about the Wombatshire rota");

                    assertThat(embedder.save()).isTrue();

                    assertThat(propertyFolder.resolve("sga.mv.db")).exists();
                    assertThat(propertyFolder.resolve("embeddings-" + EmbeddingModel.MINILM.id() + ".bin")).isNotEmptyFile();
                    try (var written = Files.list(environmentFolder)) {
                        assertThat(written).isEmpty();
                    }
                });
    }

    @Test
    void givenTheDataFolderInTheEnvironment_thenBothAreWrittenThere() {
        application(Map.of("SGA_DATA_DIR", environmentFolder.toString(), "SGA_EMBEDDING_MODEL", "minilm"))
                .run(context -> {
                    context.getBean(Store.class);
                    CachedEmbedder embedder = context.getBean(CachedEmbedder.class);
                    embedder.embedContent("another invented phrasing");

                    assertThat(embedder.save()).isTrue();

                    assertThat(environmentFolder.resolve("sga.mv.db")).exists();
                    assertThat(environmentFolder.resolve("embeddings-" + EmbeddingModel.MINILM.id() + ".bin")).isNotEmptyFile();
                });
    }
}
