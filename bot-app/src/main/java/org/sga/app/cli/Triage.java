package org.sga.app.cli;

import org.sga.content.Library;
import org.sga.core.triage.SectionCatalog;
import org.sga.core.triage.TriageEngine;

/** The triage engine over the loaded procedures, so every citation in the definition is checked against real text. */
public final class Triage {

    private Triage() {
    }

    public static TriageEngine engine(Library library) {
        SectionCatalog catalog = c -> library.section(c.id()).isPresent();
        return TriageEngine.fromClasspath(catalog);
    }
}
