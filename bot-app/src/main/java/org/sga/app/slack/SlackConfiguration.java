package org.sga.app.slack;

import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import org.sga.app.ops.PlatformCalls;
import org.sga.app.ops.PlatformHealth;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.FirstNotices;
import org.sga.slack.ApiCalls;
import org.sga.slack.FeedbackRecorder;
import org.sga.slack.SignatureFilter;
import org.sga.slack.SlackBot;
import org.sga.slack.SlackNotifier;
import org.sga.slack.SlackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Slack adapter, on when a bot token is set. HTTP mode (a signing secret) serves Bolt's servlet at
 * {@code /slack/events} behind the signature filter; Socket Mode (an app token) connects out instead; both may run.
 * Acknowledge presses go to the core's {@link Acknowledger}, which alone decides who may; the feedback port takes the
 * application's bean when there is one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackConfiguration.BotTokenSet.class)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfiguration {

    static final String PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackConfiguration.class);

    @Bean
    SlackSettings slackSettings(SlackProperties properties) {
        SlackSettings settings = properties.toSettings();
        LOG.info("Slack adapter on: {}", settings);
        return settings;
    }

    @Bean(destroyMethod = "close")
    SlackBot slackBot(SlackSettings settings, Conversation conversation, ProcessedEvents events,
                      Acknowledger acknowledger, ObjectProvider<FeedbackRecorder> feedback,
                      PlatformCalls calls) {
        return new SlackBot(settings, conversation, events, acknowledger,
                feedback.getIfAvailable(() -> f -> LOG.info("Answer feedback: {} {} helpful={}", f.sectionId(), f.version(), f.helpful())),
                new ApiCalls() {
                    @Override
                    public void answered(String method, String errorCode) {
                        calls.record("slack", method, errorCode);
                    }

                    @Override
                    public void accessLost(String event) {
                        calls.accessLost("slack", event);
                    }
                });
    }

    @Bean
    @Conditional(SigningSecretSet.class)
    ServletRegistrationBean<HttpServlet> slackServlet(SlackBot bot) {
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(bot.servlet(), PATH);
        registration.setName("slack");
        return registration;
    }

    @Bean
    @Conditional(SigningSecretSet.class)
    FilterRegistrationBean<SignatureFilter> slackSignatureFilter(SlackBot bot, ObjectProvider<Clock> clock) {
        FilterRegistrationBean<SignatureFilter> registration =
                new FilterRegistrationBean<>(bot.signatureFilter(clock.getIfAvailable(Clock::systemUTC)));
        registration.addUrlPatterns(PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("slackSignature");
        return registration;
    }

    /** Posts the outbox's Slack rows; a backup's notice links to the role's first notice, which the outbox knows. */
    @Bean
    SlackNotifier slackNotifier(SlackBot bot, ObjectProvider<FirstNotices> firstNotices) {
        return bot.notifier(firstNotices.getIfAvailable(() -> FirstNotices.NONE));
    }

    @Bean
    SmartLifecycle slackSocketMode(SlackBot bot, SlackSettings settings, PlatformHealth health) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (settings.socketMode()) {
                    try {
                        bot.startSocketMode();
                        health.connection("slack", () -> bot.socketModeConnected().orElse(true));
                    } catch (Exception e) {
                        throw new IllegalStateException("Slack Socket Mode could not connect: " + e.getClass().getSimpleName(), e);
                    }
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** On when {@code sga.slack.bot-token} (SLACK_BOT_TOKEN) is not blank. */
    static final class BotTokenSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String token = context.getEnvironment().getProperty("sga.slack.bot-token");
            return token != null && !token.isBlank();
        }
    }

    /** HTTP mode: on when {@code sga.slack.signing-secret} (SLACK_SIGNING_SECRET) is not blank. */
    static final class SigningSecretSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String secret = context.getEnvironment().getProperty("sga.slack.signing-secret");
            return secret != null && !secret.isBlank();
        }
    }
}
