package org.sga.app.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.sga.app.content.ContentSource;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.values.Check;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings the bot and its command-line tools share, bound once by {@link #bind} from the server's environment or
 * the tools' ({@link #toolEnvironment}). Environment variables reach them through Spring Boot's relaxed binding:
 * {@code SGA_CONTENT_DIR} is {@code sga.content.dir}, {@code SGA_DATA_DIR} is {@code sga.data.dir}, and so on.
 *
 * @param content   {@code sga.content.*}: where the content comes from
 * @param embedding {@code sga.embedding.*}: the embedding model
 * @param data      {@code sga.data.*}: the data folder, of the embedded database and the embedding cache
 * @param routing   {@code sga.routing} ({@code SGA_ROUTING}): the routing file; empty for the built-in routing
 * @param database  {@code spring.datasource.*}: the external database; without a URL, the embedded one
 */
public record Settings(ContentProperties content, EmbeddingProperties embedding, DataDirectoryProperties data,
                       Optional<Path> routing, DatabaseProperties database) {

    /** The environment variable naming the routing file, as messages name it. */
    public static final String ROUTING_ENV = "SGA_ROUTING";

    public Settings {
        Check.present("content, embedding, data, routing, database", content, embedding, data, routing, database);
    }

    /**
     * Binds every setting from {@code environment}, with the documented defaults for what is not set.
     *
     * @throws BindException naming the property whose value is malformed (see {@link #problem})
     */
    public static Settings bind(Environment environment) {
        Binder binder = Binder.get(environment);
        return new Settings(
                binder.bindOrCreate("sga.content", ContentProperties.class),
                binder.bindOrCreate("sga.embedding", EmbeddingProperties.class),
                binder.bindOrCreate("sga.data", DataDirectoryProperties.class),
                Optional.ofNullable(binder.bind("sga.routing", String.class).orElse(null)).filter(p -> !p.isBlank()).map(Path::of),
                binder.bindOrCreate("spring.datasource", DatabaseProperties.class));
    }

    /**
     * A malformed setting, for a person: the property, where it was set (such as the environment variable) and the
     * value, e.g. {@code sga.data.min-free ("SGA_DATA_MIN_FREE" from property source "systemEnvironment"): 'lots' is not
     * a valid DataSize}.
     */
    public static String problem(BindException e) {
        ConfigurationProperty property = e.getProperty();
        String type = e.getTarget().getType().toClass().getSimpleName();
        if (property == null) {
            return e.getName() + ": not a valid " + type;
        }
        String origin = property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")";
        return property.getName() + origin + ": '" + property.getValue() + "' is not a valid " + type;
    }

    /**
     * What the command-line tools bind from: system properties, then the process environment, then the jar's
     * {@code application.yml}, as the bot sees them without command-line options or profiles.
     */
    public static ConfigurableEnvironment toolEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }

    /** The content, its embedding model, and that model's cache in the data folder. */
    public ContentSource contentSource() {
        return new ContentSource(content.folder(), embedding.model(), data.dir());
    }

    /** The routing file's configuration, or the built-in one that routes everything to the console. */
    public RoutingConfig routingConfig() {
        return routing.map(RoutingConfig::load).orElseGet(RoutingConfig::defaults);
    }
}
