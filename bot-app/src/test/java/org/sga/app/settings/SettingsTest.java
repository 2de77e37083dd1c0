package org.sga.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sga.core.search.EmbeddingModel;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class SettingsTest {

    /** An environment holding only {@code variables}, as the process environment would. */
    private static MockEnvironment environment(Map<String, Object> variables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void givenTheDocumentedEnvironmentVariables_thenEachIsBound() {
        Settings settings = Settings.bind(environment(Map.of(
                "SGA_CONTENT_DIR", "/srv/sga/content",
                "SGA_DATA_DIR", "/var/lib/sga",
                "SGA_DATA_MIN_FREE", "128MB",
                "SGA_EMBEDDING_MODEL", "minilm",
                "SGA_ROUTING", "/etc/sga/routing.yml",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.invalid:5432/sga",
                "SPRING_DATASOURCE_USERNAME", "sga",
                "SPRING_DATASOURCE_PASSWORD", "invented-password")));

        assertThat(settings.content().folder()).contains(Path.of("/srv/sga/content"));
        assertThat(settings.data().dir()).isEqualTo(Path.of("/var/lib/sga"));
        assertThat(settings.data().minFree()).isEqualTo(DataSize.ofMegabytes(128));
        assertThat(settings.embedding().model()).isEqualTo("minilm");
        assertThat(settings.contentSource().embeddingModel()).isEqualTo(EmbeddingModel.MINILM);
        assertThat(settings.contentSource().cacheFile(EmbeddingModel.MINILM))
                .isEqualTo(Path.of("/var/lib/sga", "embeddings-" + EmbeddingModel.MINILM.id() + ".bin"));
        assertThat(settings.routing()).contains(Path.of("/etc/sga/routing.yml"));
        assertThat(settings.database().jdbcUrl()).contains("jdbc:postgresql://db.invalid:5432/sga");
        assertThat(settings.database().username()).isEqualTo("sga");
        assertThat(settings.database().password()).isEqualTo("invented-password");
        assertThat(settings.toString()).doesNotContain("invented-password");
    }

    @Test
    void givenNothingSet_thenTheDocumentedDefaults() {
        Settings settings = Settings.bind(new MockEnvironment());

        assertThat(settings.content().folder()).isEmpty();
        assertThat(settings.data().dir()).isEqualTo(Path.of("data"));
        assertThat(settings.data().minFree()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(settings.data().checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.contentSource().embeddingModel()).isEqualTo(EmbeddingModel.DEFAULT);
        assertThat(settings.contentSource().cacheFile(EmbeddingModel.DEFAULT))
                .isEqualTo(Path.of("data", "embeddings-" + EmbeddingModel.DEFAULT.id() + ".bin"));
        assertThat(settings.routing()).isEmpty();
        assertThat(settings.routingConfig().defaultTeam()).isNotNull();
        assertThat(settings.database().jdbcUrl()).isEmpty();
    }

    @Test
    void givenTheDataFolderAsAProperty_thenTheEmbeddingCacheFollowsIt() {
        Settings settings = Settings.bind(environment(Map.of("SGA_DATA_DIR", "/from/the/environment"))
                .withProperty("sga.data.dir", "/from/a/property"));

        assertThat(settings.data().dir()).isEqualTo(Path.of("/from/a/property"));
        assertThat(settings.contentSource().cacheFile(EmbeddingModel.DEFAULT).getParent()).isEqualTo(Path.of("/from/a/property"));
    }

    @Test
    void givenBlankSettings_thenTheyCountAsUnset() {
        Settings settings = Settings.bind(environment(Map.of("SGA_CONTENT_DIR", "", "SGA_ROUTING", " ",
                "SGA_EMBEDDING_MODEL", "", "SPRING_DATASOURCE_URL", "")));

        assertThat(settings.content().folder()).isEmpty();
        assertThat(settings.routing()).isEmpty();
        assertThat(settings.database().jdbcUrl()).isEmpty();
        assertThat(settings.contentSource().embeddingModel()).isEqualTo(EmbeddingModel.DEFAULT);
    }

    @Test
    void givenAnUnknownModel_thenAskingForItNamesTheVariable_butBindingDoesNotFail() {
        Settings settings = Settings.bind(environment(Map.of("SGA_EMBEDDING_MODEL", "gpt-9")));

        assertThatThrownBy(() -> settings.contentSource().embeddingModel())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SGA_EMBEDDING_MODEL: ");
    }

    @Test
    void givenAMalformedValue_thenBindingFailsNamingTheProperty() {
        assertThatThrownBy(() -> Settings.bind(environment(Map.of("SGA_DATA_MIN_FREE", "lots"))))
                .isInstanceOfSatisfying(BindException.class, e -> assertThat(Settings.problem(e)).isEqualTo(
                        "sga.data.min-free (\"SGA_DATA_MIN_FREE\" from property source \"systemEnvironment\"): 'lots' is not a valid"
                                + " DataSize"));
    }

    @Test
    void givenTheToolsEnvironment_thenTheJarsApplicationYamlIsPartOfIt() {
        assertThat(Settings.toolEnvironment().getProperty("spring.application.name")).isEqualTo("safeguarding-assistant");
    }
}
