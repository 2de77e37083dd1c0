package org.sga.app;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sga.app.cli.Cli;
import org.sga.app.ops.LogFormat;
import org.sga.app.settings.Settings;
import org.sga.core.guidance.Background;
import org.sga.core.search.CachedEmbedder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.ConfigurableEnvironment;

/** Entry point: a command-line tool when the first argument names one, otherwise the bot. */
public final class Main {

    // Held so the JUL level set below is not lost when the logger is garbage-collected.
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) {
        // Lucene reports that the incubating vector API is not enabled; staff at a terminal need not see it.
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        var refusal = Cli.refusal(args);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(2);
        }
        // DJL (the tokenizer under the embedding model) warns about CUDA on machines without a GPU; CPU is intended.
        System.setProperty("ai.djl.offline", "true");
        if (Cli.handles(args)) {
            // Before the first logger exists: tools keep stdout for their results.
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            ConfigurableEnvironment environment = Settings.toolEnvironment();
            Settings settings;
            try {
                settings = Settings.bind(environment);
            } catch (BindException e) {
                System.err.println("settings error: " + Settings.problem(e));
                System.exit(2);
                return;
            }
            int status = new Cli(settings, environment::getProperty).run(args);
            // Exiting while the embedding model loads in native code would crash the JVM on its way out.
            CachedEmbedder.awaitLoading(Duration.ofMinutes(1));
            Background.awaitAll(Duration.ofMinutes(2));
            System.exit(status);
        }
        try {
            LogFormat.property(System.getenv()).ifPresent(p -> System.setProperty(p.getKey(), p.getValue()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        boolean console = Platforms.noneConfigured(System.getenv());
        SpringApplication app = new SpringApplication(SafeguardingApplication.class);
        if (console) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("console");
        }
        org.springframework.context.ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (a routing problem by its own message); a stack trace adds nothing.
            System.exit(1);
            return;
        }
        if (console) {
            // The console chat has ended; a web application keeps serving until it is stopped.
            context.close();
            CachedEmbedder.awaitLoading(Duration.ofMinutes(1));
            Background.awaitAll(Duration.ofMinutes(2));
        }
    }
}
