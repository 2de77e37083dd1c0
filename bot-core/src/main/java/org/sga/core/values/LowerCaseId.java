package org.sga.core.values;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An enum constant known outside the code (settings, content files, records) by its name in lower case. */
public interface LowerCaseId {

    /** The constant's name, as every enum has it. */
    String name();

    /** How settings, content files and records name it: the constant's name in lower case, e.g. {@code slack}. */
    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} that {@code id} names, if any. */
    static <E extends Enum<E> & LowerCaseId> Optional<E> fromId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.id().equals(id)).findFirst();
    }
}
