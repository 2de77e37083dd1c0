package org.sga.app.settings;

import java.util.Optional;

/**
 * The external database, as Spring Boot's own {@code spring.datasource.*} ({@code SPRING_DATASOURCE_URL},
 * {@code _USERNAME}, {@code _PASSWORD}); without a URL the embedded database under the data folder is used.
 */
public record DatabaseProperties(String url, String username, String password) {

    /** The JDBC URL, when one is set and not blank. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    /** Without the password, nor the URL's settings, which may hold one. */
    @Override
    public String toString() {
        return "DatabaseProperties[url=" + jdbcUrl().map(u -> u.split("[;?]", 2)[0]).orElse("") + ", username=" + username + "]";
    }
}
