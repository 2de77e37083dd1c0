package org.sga.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All loaded procedures; looks sections up by global id ({@code slug#id}). */
public record Library(List<Procedure> procedures) {

    public Library {
        procedures = List.copyOf(procedures);
    }

    /** Builds a library and refuses it when the content rules are broken (see {@link #problems()}). */
    public static Library of(List<Procedure> procedures) {
        Library library = new Library(procedures);
        List<String> problems = library.problems();
        if (!problems.isEmpty()) {
            throw new ContentException(String.join("; ", problems));
        }
        return library;
    }

    public Optional<Procedure> procedure(String slug) {
        return procedures.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public Optional<Section> section(String globalId) {
        int hash = globalId.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        return procedure(globalId.substring(0, hash)).flatMap(p -> p.section(globalId.substring(hash + 1)));
    }

    /**
     * The global ids shown as one answer with the given one: a lead-in section and the section it introduces (e.g.
     * §4.3 and §4.4), or the id alone. Evaluation accepts either id of such a pair for the other.
     */
    public Set<String> shownWith(String globalId) {
        Optional<Section> section = section(globalId);
        if (section.isEmpty()) {
            return Set.of(globalId);
        }
        Procedure p = procedure(section.get().procedureSlug()).orElseThrow();
        Set<String> ids = new java.util.LinkedHashSet<>();
        p.leadInTo(section.get()).ifPresent(s -> ids.add(s.globalId()));
        ids.add(globalId);
        p.continuationOf(section.get()).ifPresent(s -> ids.add(s.globalId()));
        return Set.copyOf(ids);
    }

    public List<Section> sections() {
        return procedures.stream().flatMap(p -> p.sections().stream()).toList();
    }

    /** Content rules: unique slugs and section ids, text in every section, complete metadata. Empty when all hold. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Procedure p : procedures) {
            if (!slugs.add(p.slug())) {
                problems.add("procedure slug '" + p.slug() + "' is used twice");
            }
            if (!p.slug().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(p.slug() + ": slug must be lower-case words joined by '-'");
            }
            if (p.sections().isEmpty()) {
                problems.add(p.slug() + ": has no sections");
            }
            Set<String> ids = new HashSet<>();
            for (Section s : p.sections()) {
                if (!ids.add(s.id())) {
                    problems.add(p.slug() + ": section id '" + s.id() + "' is used twice");
                }
                if (s.text().isBlank()) {
                    problems.add(p.slug() + "#" + s.id() + ": has no text");
                }
                if (s.heading() == null || s.heading().isBlank()) {
                    problems.add(p.slug() + "#" + s.id() + ": has no heading");
                }
            }
        }
        return problems;
    }
}
