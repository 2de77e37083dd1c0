package org.sga.core.triage;

import java.util.Collection;
import java.util.Set;

/** The procedure sections that exist, so that every citation the triage shows can be checked. */
@FunctionalInterface
public interface SectionCatalog {

    boolean contains(Citation citation);

    static SectionCatalog of(String document, Collection<String> sectionIds) {
        Set<String> ids = Set.copyOf(sectionIds);
        return c -> c.document().equals(document) && ids.contains(c.section());
    }
}
