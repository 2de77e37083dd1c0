package org.sga.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void givenJson_thenBootStructuredConsoleLogInEcs() {
        assertThat(LogFormat.property(Map.of("LOG_FORMAT", "json"))).contains(Map.entry(LogFormat.PROPERTY, "ecs"));
        assertThat(LogFormat.property(Map.of("LOG_FORMAT", " JSON "))).contains(Map.entry(LogFormat.PROPERTY, "ecs"));
        assertThat(LogFormat.property(Map.of("LOG_FORMAT", "logstash"))).contains(Map.entry(LogFormat.PROPERTY, "logstash"));
    }

    @Test
    void givenTextOrNothing_thenPlainLines() {
        assertThat(LogFormat.property(Map.of())).isEmpty();
        assertThat(LogFormat.property(Map.of("LOG_FORMAT", "text"))).isEmpty();
    }

    @Test
    void givenUnknownFormat_thenErrorNamesTheAcceptedValues() {
        assertThatThrownBy(() -> LogFormat.property(Map.of("LOG_FORMAT", "xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json or text").hasMessageContaining("xml");
    }
}
