package org.sga.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A published safeguarding procedure: metadata from its front matter and its sections in document order.
 *
 * @param source            the publisher's address
 * @param version           the version of this content (our copy of the text, its phrasings and metadata)
 * @param lastReviewed      when this content was last reviewed by its owners
 * @param procedureVersion  the version the procedure itself states, or {@link #NOT_STATED}
 * @param procedureReviewed the review date the procedure itself states, as written, or {@link #NOT_STATED}
 * @param chapterUrl        the address of the chapter itself, or null when the content gives none
 */
public record Procedure(
        String slug,
        String title,
        String fullTitle,
        String partnership,
        String source,
        String version,
        LocalDate lastReviewed,
        List<Section> sections,
        String procedureVersion,
        String procedureReviewed,
        String chapterUrl) {

    /** What the content says for a version or date the procedure does not give: never an invented value. */
    public static final String NOT_STATED = "not stated";

    public Procedure {
        sections = List.copyOf(sections);
    }

    /** A procedure whose own version and review date are not stated and whose chapter has no address of its own. */
    public Procedure(String slug, String title, String fullTitle, String partnership, String source, String version,
                     LocalDate lastReviewed, List<Section> sections) {
        this(slug, title, fullTitle, partnership, source, version, lastReviewed, sections, NOT_STATED, NOT_STATED, null);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The section that follows {@code id} in document order, if any. */
    public Optional<Section> after(String id) {
        for (int i = 0; i + 1 < sections.size(); i++) {
            if (sections.get(i).id().equals(id)) {
                return Optional.of(sections.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The section that precedes {@code id} in document order, if any. */
    public Optional<Section> before(String id) {
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i).id().equals(id)) {
                return Optional.of(sections.get(i - 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The section a lead-in section ({@link Section#leadsIn()}) is shown with: the one after it, unless it is the last.
     */
    public Optional<Section> continuationOf(Section section) {
        return section.leadsIn() ? after(section.id()) : Optional.empty();
    }

    /** The lead-in section shown before {@code section}, if the section before it leads in. */
    public Optional<Section> leadInTo(Section section) {
        return before(section.id()).filter(Section::leadsIn);
    }

    /** How the bot cites a section: {@code Child abuse and Information Technology §4.4}. */
    public String citation(String sectionId) {
        return "0".equals(sectionId) ? title + " (opening paragraph)" : title + " §" + sectionId;
    }
}
