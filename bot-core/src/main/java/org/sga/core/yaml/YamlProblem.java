package org.sga.core.yaml;

/** A YAML document that does not have the expected shape; the message starts with the key path. */
public final class YamlProblem extends RuntimeException {

    YamlProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
