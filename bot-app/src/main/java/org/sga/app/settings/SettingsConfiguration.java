package org.sga.app.settings;

import org.sga.app.content.ContentSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The settings as beans: bound once from the application's environment, as the tools bind theirs. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    Settings settings(Environment environment) {
        return Settings.bind(environment);
    }

    @Bean
    DataDirectoryProperties dataDirectory(Settings settings) {
        return settings.data();
    }

    @Bean
    ContentSource contentSource(Settings settings) {
        return settings.contentSource();
    }
}
