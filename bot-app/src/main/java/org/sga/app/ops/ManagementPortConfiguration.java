package org.sga.app.ops;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The management port's own web context (Actuator on a port apart from Slack's and Teams' endpoints): filters of the
 * application's context do not reach it, so the operator token is registered here.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementPortConfiguration {

    @Bean
    FilterRegistrationBean<OperatorToken> operatorToken(Environment env) {
        FilterRegistrationBean<OperatorToken> registration =
                new FilterRegistrationBean<>(new OperatorToken(env.getProperty("sga.management.token", "")));
        registration.addUrlPatterns("/*");
        return registration;
    }
}
