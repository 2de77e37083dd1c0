package org.sga.app.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.sga.app.escalation.WorkerLifecycle;
import org.sga.app.notify.ConsoleNotifier;
import org.sga.app.settings.DataDirectoryProperties;
import org.sga.app.settings.Settings;
import org.sga.app.settings.SettingsConfiguration;
import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.DeliveryListener;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.store.UnitOfWork;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The store as beans. With {@code spring.datasource.url} set (the postgres profile) Spring Boot builds the
 * pool from {@code spring.datasource.*}; without it the embedded H2 file database in the bound data folder
 * ({@code sga.data.dir}, {@code SGA_DATA_DIR}) is used, created on first run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
@Import({SettingsConfiguration.class, StoreConfiguration.StorePorts.class})
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoDataSourceUrl.class)
    HikariDataSource embeddedDataSource(DataDirectoryProperties data, ObjectProvider<DiskSpace> disk) {
        StoreFactory.requireRoom(data.dir(), data.minFree().toBytes(), disk.getIfAvailable(() -> DiskSpace.FILE_STORE));
        return StoreFactory.embeddedDataSource(data.dir());
    }

    /**
     * Named {@code storage}: the data folder's disk (embedded database only) and a write to the database; part of
     * readiness, and checked in the background so a database closed by a full disk is reopened once there is room.
     */
    @Bean(destroyMethod = "close")
    StorageHealth storageHealthIndicator(DataSource dataSource, Settings settings, DataDirectoryProperties data,
            ObjectProvider<DiskSpace> disk, ObjectProvider<Clock> clock) {
        Optional<Path> folder = settings.database().jdbcUrl().isEmpty() ? Optional.of(data.dir()) : Optional.empty();
        return new StorageHealth(dataSource, folder, data.minFree().toBytes(), disk.getIfAvailable(() -> DiskSpace.FILE_STORE),
                clock.getIfAvailable(Clock::systemUTC)).watchEvery(data.checkInterval());
    }

    @Bean
    Store store(DataSource dataSource, ObjectProvider<Clock> clock) {
        return StoreFactory.open(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Without a platform notifier bean, notices go to standard output, as the built-in routing intends. */
    @Bean
    @ConditionalOnProperty(name = "sga.outbox.worker-enabled", havingValue = "true", matchIfMissing = true)
    WorkerLifecycle<OutboxWorker> outboxWorker(Store store, ObjectProvider<Notifier> notifier, ObjectProvider<Clock> clock,
            OutboxProperties properties, ObjectProvider<DeliveryListener> listener, ObjectProvider<EscalationEvents> events) {
        String workerId = "w-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        OutboxWorker worker = new OutboxWorker(store.outbox(),
                notifier.getIfAvailable(() -> new ConsoleNotifier(System.out)),
                clock.getIfAvailable(Clock::systemUTC), properties.toSettings(workerId),
                DeliveryListener.all(listener.orderedStream().toList()), EscalationEvents.all(events.orderedStream().toList()));
        return new WorkerLifecycle<>(worker);
    }

    /** Notices queued by this instance go out at once rather than at the next poll. */
    @Bean
    OutboxWakeUp outboxWakeUp(ObjectProvider<WorkerLifecycle<OutboxWorker>> worker) {
        return new OutboxWakeUp(worker);
    }

    /** The store's ports, each a bean of its own. */
    static final class StorePorts implements BeanRegistrar {
        @Override
        public void register(BeanRegistry registry, Environment env) {
            port(registry, "conversationStore", ConversationStore.class, Store::conversations);
            port(registry, "processedEvents", ProcessedEvents.class, Store::processedEvents);
            port(registry, "outbox", Outbox.class, Store::outbox);
            port(registry, "acknowledgements", Acknowledgements.class, Store::acknowledgements);
            port(registry, "auditTrail", AuditTrail.class, Store::auditTrail);
            port(registry, "unitOfWork", UnitOfWork.class, Store::unitOfWork);
            port(registry, "escalationStore", EscalationStore.class, Store::escalations);
        }

        private static <T> void port(BeanRegistry registry, String name, Class<T> type, Function<Store, T> port) {
            registry.registerBean(name, type, spec -> spec.supplier(context -> port.apply(context.bean(Store.class))));
        }
    }

    /** True when no JDBC URL is configured, so the embedded database is the one to use. */
    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
