package org.sga.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bot as a Spring Boot application; {@link Main} starts it when no command-line tool is named. */
@SpringBootApplication
public class SafeguardingApplication {
}
