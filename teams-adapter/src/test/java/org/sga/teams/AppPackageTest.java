package org.sga.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Teams app package's sources (src/teams-app): the manifest template with the values each organisation gives at
 * build time, the icons, and the README that lists those values. The teams-app profile fills the template in and
 * zips it; the values it refuses are in the pom.
 */
class AppPackageTest {

    static final Path APP = Path.of("src", "teams-app");
    private static final Pattern PLACEHOLDER = Pattern.compile("@(teams\\.[a-z.-]+)@");

    /** Invented values, as the profile would be given them. */
    private static final Map<String, String> VALUES = Map.of(
            "teams.bot.id", "2f0c6a4e-8d1b-4c3a-9e7f-5b2d1a0c9e84",
            "teams.app.id", "6b1f3c52-2f4e-4c1e-9d1a-5a0b7f2c9e11",
            "teams.app.version", "1.4.0",
            "teams.developer.name", "Riverside Learning Trust",
            "teams.developer.url", "https://riverside-trust.test",
            "teams.developer.privacy-url", "https://riverside-trust.test/privacy",
            "teams.developer.terms-url", "https://riverside-trust.test/terms");

    @Test
    void theFilledInManifestHasBotIdScopesCommandsAndTheOrganisationsAddresses() throws Exception {
        String template = Files.readString(APP.resolve("manifest.json"));
        assertThat(placeholders(template)).containsExactlyInAnyOrderElementsOf(VALUES.keySet());

        JsonNode manifest = new ObjectMapper().readTree(fill(template));

        JsonNode bot = manifest.path("bots").path(0);
        assertThat(bot.path("botId").asText()).isEqualTo(VALUES.get("teams.bot.id"));
        List<String> scopes = new ArrayList<>();
        bot.path("scopes").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactly("personal", "team");
        assertThat(bot.path("supportsFiles").asBoolean(true)).isFalse();
        assertThat(bot.path("commandLists").path(0).path("commands").size()).isGreaterThanOrEqualTo(2);
        assertThat(manifest.path("version").asText()).isEqualTo("1.4.0");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo(VALUES.get("teams.developer.privacy-url"));
        assertThat(manifest.path("developer").path("termsOfUseUrl").asText()).isEqualTo(VALUES.get("teams.developer.terms-url"));
    }

    @Test
    void theReadmeListsEveryValueTheManifestNeeds() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> needed = placeholders(Files.readString(APP.resolve("manifest.json")));

        assertThat(needed).allSatisfy(value -> assertThat(readme).contains("`" + value + "`"));
    }

    @Test
    void iconsHaveTheSizesTeamsRequires() throws Exception {
        assertThat(ImageIO.read(Files.newInputStream(APP.resolve("color.png"))).getWidth()).isEqualTo(192);
        assertThat(ImageIO.read(Files.newInputStream(APP.resolve("outline.png"))).getWidth()).isEqualTo(32);
    }

    private static Set<String> placeholders(String template) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(VALUES.get(m.group(1))));
        }
        m.appendTail(filled);
        return filled.toString();
    }
}
