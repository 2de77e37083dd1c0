package org.sga.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package as the build lays it out (target/teams-app, zipped at package). */
class AppPackageTest {

    static final Path APP = Path.of("target", "teams-app");

    @Test
    void manifestHasBotIdScopesAndCommands() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(APP.resolve("manifest.json").toFile());

        assertThat(manifest.toString()).doesNotContain("@teams.");
        JsonNode bot = manifest.path("bots").path(0);
        assertThat(bot.path("botId").asText()).matches("[0-9a-f-]{36}");
        List<String> scopes = new ArrayList<>();
        bot.path("scopes").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactly("personal", "team");
        assertThat(bot.path("supportsFiles").asBoolean(true)).isFalse();
        assertThat(bot.path("commandLists").path(0).path("commands").size()).isGreaterThanOrEqualTo(2);
        assertThat(manifest.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void iconsHaveTheSizesTeamsRequires() throws Exception {
        assertThat(ImageIO.read(Files.newInputStream(APP.resolve("color.png"))).getWidth()).isEqualTo(192);
        assertThat(ImageIO.read(Files.newInputStream(APP.resolve("outline.png"))).getWidth()).isEqualTo(32);
    }
}
