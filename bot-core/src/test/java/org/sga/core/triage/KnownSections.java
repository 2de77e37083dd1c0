package org.sga.core.triage;

import java.util.List;

/** Section ids of the seed procedure, copied by hand until the content module ships the procedure itself. */
public final class KnownSections {

    public static final List<String> CHILD_ABUSE_AND_ICT = List.of("0", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3",
            "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "7.1", "7.2",
            "8");

    public static final SectionCatalog CATALOG = SectionCatalog.of("child-abuse-and-ict", CHILD_ABUSE_AND_ICT);

    private KnownSections() {
    }

    public static TriageEngine engine() {
        return TriageEngine.fromClasspath(CATALOG);
    }
}
