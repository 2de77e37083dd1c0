package org.sga.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcedureLoaderTest {

    @Nested
    class ShippedContent {

        private final Library library = ProcedureLoader.fromClasspath();

        @Test
        void everyShippedProcedureKeepsTheContentRules() {
            assertThat(library.procedures()).isNotEmpty();
            assertThat(library.problems()).isEmpty();
            for (Procedure p : library.procedures()) {
                assertThat(List.of(p.slug(), p.title(), p.partnership(), p.source(), p.version())).allSatisfy(v -> assertThat(v).isNotBlank());
                assertThat(p.lastReviewed()).isBefore(LocalDate.now().plusDays(1));
                assertThat(p.source()).startsWith("https://");
            }
        }

        @Test
        void aPhrasingIsComparedWhateverItsCaseQuotesAndSpacing() {
            assertThat(Section.phrasingKey("Is it \u201cabuse\u201d  if he's 17?")).isEqualTo(Section.phrasingKey("is it \"abuse\" if he\u2019s 17?"));
        }

        @Test
        void aLeadInSectionIsShownWithTheSectionItIntroducesAndNoOtherIs() {
            Procedure p = library.procedure("child-abuse-and-ict").orElseThrow();
            Section leadIn = p.section("4.3").orElseThrow();
            Section introduced = p.section("4.4").orElseThrow();

            assertThat(leadIn.leadsIn()).isTrue();
            assertThat(p.continuationOf(leadIn)).contains(introduced);
            assertThat(p.leadInTo(introduced)).contains(leadIn);
            assertThat(p.leadInTo(leadIn)).isEmpty();
            assertThat(p.before("0")).isEmpty();
            assertThat(library.shownWith("child-abuse-and-ict#4.4")).containsExactlyInAnyOrder("child-abuse-and-ict#4.3", "child-abuse-and-ict#4.4");
            assertThat(library.shownWith("child-abuse-and-ict#4.3")).containsExactlyInAnyOrder("child-abuse-and-ict#4.3", "child-abuse-and-ict#4.4");
            assertThat(library.shownWith("child-abuse-and-ict#4.2")).containsExactly("child-abuse-and-ict#4.2");
            assertThat(library.shownWith("no-such#1")).containsExactly("no-such#1");
        }

        @Test
        void childAbuseAndIctHasEverySectionOfThePublishedText() {
            Procedure p = library.procedure("child-abuse-and-ict").orElseThrow();
            assertThat(p.sections()).extracting(Section::id).containsExactly(
                    "0", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4",
                    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "7.1", "7.2", "8");
            assertThat(p.title()).isEqualTo("Child abuse and Information Technology");
            assertThat(p.partnership()).isEqualTo("Tees Safeguarding Children Partnerships");
        }

        @Test
        void sectionsCarryTheirChapterHeadingAndTheOpeningParagraphCarriesTheTitle() {
            assertThat(library.section("child-abuse-and-ict#4.4").orElseThrow().heading()).isEqualTo("4. Sexting");
            assertThat(library.section("child-abuse-and-ict#8").orElseThrow().heading())
                    .isEqualTo("8. Useful Guidance Pathway Tools, Contacts and Websites:");
            assertThat(library.section("child-abuse-and-ict#0").orElseThrow().heading())
                    .isEqualTo("Child abuse and Information Technology (ICT The Digital World)");
        }

        @Test
        void textIsQuotedAsPublished() {
            assertThat(library.section("child-abuse-and-ict#4.4").orElseThrow().text())
                    .startsWith("The police should be contacted immediately.")
                    .endsWith("The incident should be recorded through the organisation’s own procedures.");
            assertThat(library.section("child-abuse-and-ict#0").orElseThrow().text())
                    .contains("they must immediately inform their manager and make a referral to children’s social care and the police");
        }

        @Test
        void bulletListsKeepTheirItems() {
            String text = library.section("child-abuse-and-ict#1.4").orElseThrow().text();
            assertThat(text.lines().filter(l -> l.startsWith("- "))).hasSize(4);
            assertThat(text).contains("- A child may already have been/is being abused");
        }

        @Test
        void citationNamesTitleAndSection() {
            Procedure p = library.procedure("child-abuse-and-ict").orElseThrow();
            assertThat(p.citation("4.4")).isEqualTo("Child abuse and Information Technology §4.4");
        }

        @Test
        void alternatesAreLoadedButKeptApartFromTheText() {
            Section s = library.section("child-abuse-and-ict#4.1").orElseThrow();
            assertThat(s.alternates()).isNotEmpty();
            assertThat(s.text()).doesNotContain(s.alternates().get(0));
        }
    }

    @Test
    void givenASecondProcedureInTheFolder_thenItLoadsWithoutCodeChanges() {
        Library library = ProcedureLoader.fromDirectory(Path.of("src/test/resources/fixtures/two-procedures"));
        assertThat(library.procedures()).extracting(Procedure::slug).containsExactly("child-abuse-and-ict", "online-safety-drills");
        Section drill = library.section("online-safety-drills#1.2").orElseThrow();
        assertThat(drill.heading()).isEqualTo("1. Drills");
        assertThat(drill.text()).contains("- the date of the drill");
        assertThat(library.section("online-safety-drills#1.1").orElseThrow().alternates()).containsExactly("how often do we practise the drill");
        assertThat(library.procedure("online-safety-drills").orElseThrow().version()).isEqualTo("2.1");
    }

    @Nested
    class BrokenFiles {

        @TempDir
        Path dir;

        private static final String GOOD_FRONT = """
                ---
                slug: broken
                title: Broken
                partnership: Example
                source: https://example.org/
                version: "1"
                last_reviewed: 2026-01-01
                ---
                """;

        private ContentException load(String markdown, Map<String, String> extra) throws IOException {
            Files.writeString(dir.resolve("broken.md"), markdown);
            for (var e : extra.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return (ContentException) org.assertj.core.api.Assertions.catchThrowable(() -> ProcedureLoader.fromDirectory(dir));
        }

        @Test
        void missingMetadataIsNamed() throws IOException {
            ContentException e = load(GOOD_FRONT.replace("version: \"1\"\n", "") + "## 0\n\nText.\n", Map.of());
            assertThat(e).hasMessageContaining("broken.md").hasMessageContaining("'version'");
        }

        @Test
        void duplicateSectionIdsAreRefused() throws IOException {
            ContentException e = load(GOOD_FRONT + "## 1.1\n\nOne.\n\n## 1.1\n\nTwo.\n", Map.of());
            assertThat(e).hasMessageContaining("section id '1.1' is used twice");
        }

        @Test
        void emptySectionsAreRefused() throws IOException {
            ContentException e = load(GOOD_FRONT + "## 1.1\n\n## 1.2\n\nText.\n", Map.of());
            assertThat(e).hasMessageContaining("broken#1.1: has no text");
        }

        @Test
        void alternatesForAMissingSectionAreRefused() throws IOException {
            ContentException e = load(GOOD_FRONT + "## 1.1\n\nText.\n", Map.of("broken.alternates.yml", "\"9.9\":\n  - anything\n"));
            assertThat(e).hasMessageContaining("'9.9'");
        }

        @Test
        void textBeforeTheFirstSectionIsRefused() throws IOException {
            ContentException e = load(GOOD_FRONT + "Loose words.\n\n## 1.1\n\nText.\n", Map.of());
            assertThat(e).hasMessageContaining("broken.md:").hasMessageContaining("outside any");
        }

        @Test
        void aFolderWithoutProceduresIsAnError() {
            assertThatThrownBy(() -> ProcedureLoader.fromDirectory(dir)).isInstanceOf(ContentException.class)
                    .hasMessageContaining("no procedure");
        }
    }
}
