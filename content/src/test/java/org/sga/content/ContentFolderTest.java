package org.sga.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFolderTest {

    private static final Path SHIPPED = Path.of("src/main/resources");

    @TempDir
    Path dir;

    @Test
    void theShippedLayoutIsReadFromItsSubfoldersWithNothingAmiss() {
        ContentFolder folder = new ContentFolder(SHIPPED);

        assertThat(folder.procedures()).isEqualTo(SHIPPED.resolve("procedures"));
        assertThat(folder.searchFile("synonyms.txt")).contains(SHIPPED.resolve("search/synonyms.txt"));
        assertThat(folder.searchFile("not-covered.yml")).contains(SHIPPED.resolve("search/not-covered.yml"));
        assertThat(folder.triage()).contains(SHIPPED.resolve("triage/triage.yml"));
        assertThat(folder.routingFiles()).containsExactly(SHIPPED.resolve("routing/routing-example.yml"));
        assertThat(folder.layoutProblems()).isEmpty();
        assertThat(ProcedureLoader.fromDirectory(folder.procedures()).sections()).isNotEmpty();
    }

    @Test
    void aFlatFolderHasEveryFileAtTheTop() throws Exception {
        Files.writeString(dir.resolve("guide.md"), "x");
        Files.writeString(dir.resolve("synonyms.txt"), "pupil, student\n");

        ContentFolder folder = new ContentFolder(dir);

        assertThat(folder.procedures()).isEqualTo(dir);
        assertThat(folder.searchFile("synonyms.txt")).contains(dir.resolve("synonyms.txt"));
        assertThat(folder.searchFile("danger.yml")).isEmpty();
        assertThat(folder.guidanceFile("cards.yml")).isEmpty();
        assertThat(folder.triage()).isEmpty();
        assertThat(folder.routingFiles()).isEmpty();
        assertThat(folder.layoutProblems()).isEmpty();
    }

    @Test
    void anIndexMustListEveryProcedureFileAndOnlyFilesThatExist() throws Exception {
        Path procedures = Files.createDirectory(dir.resolve("procedures"));
        Files.writeString(procedures.resolve("first.md"), "x");
        Files.writeString(procedures.resolve("second.md"), "x");
        Files.writeString(procedures.resolve("index.txt"), "# procedures in the jar\nfirst.md\nfirst.md\nthird.md\n");

        assertThat(new ContentFolder(dir).layoutProblems()).containsExactly(
                "procedures/index.txt line 3: 'first.md' is listed twice",
                "procedures/index.txt line 4: lists 'third.md', which is not in the folder",
                "procedures/index.txt: does not list 'second.md', so the jar would leave it out; add it");
    }

    @Test
    void aFileInBothPlacesOrAProcedureOutsideItsSubfolderIsNamed() throws Exception {
        Files.createDirectory(dir.resolve("procedures"));
        Files.createDirectory(dir.resolve("search"));
        Files.writeString(dir.resolve("search/synonyms.txt"), "pupil, student\n");
        Files.writeString(dir.resolve("synonyms.txt"), "pupil, learner\n");
        Files.writeString(dir.resolve("stray.md"), "x");

        ContentFolder folder = new ContentFolder(dir);

        assertThat(folder.searchFile("synonyms.txt")).contains(dir.resolve("search/synonyms.txt"));
        assertThat(folder.layoutProblems()).containsExactly(
                "synonyms.txt: also in search/, whose copy is the one read; keep one",
                "stray.md: outside procedures/, so it is not loaded; move it there");
    }
}
