package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.WorkerPool;
import org.sga.slack.Routes.Run;

/** The two middlewares in Bolt: acked at once, handled on a worker, once per event id, and nothing lost to a full queue. */
class HandOffTest {

    private final WorkerPool workers = new WorkerPool("slack-test-worker", 1, 1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch twoHandled = new CountDownLatch(2);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> inline = new CopyOnWriteArrayList<>();
    private App app;

    @BeforeEach
    void start() {
        Routes routes = new Routes();
        app = SlackBot.app(AppConfig.builder().requestVerificationEnabled(false).build(),
                new HandOff(workers, routes::onWorker), new RepeatFilter(new FirstTimes(new InMemoryEvents()), routes::once));
        routes.event(MessageEvent.class, Run.WORKER_ONCE, (payload, ctx) -> {
                    firstStarted.countDown();
                    awaitRelease();
                    handled.add(payload.getEventId());
                    twoHandled.countDown();
                    return ctx.ack();
                })
                .event(AppUninstalledEvent.class, Run.INLINE, (payload, ctx) -> {
                    inline.add(Thread.currentThread().getName());
                    return ctx.ack();
                });
        routes.register(app);
    }

    @AfterEach
    void stop() {
        release.countDown();
        workers.close();
    }

    @Test
    void givenTheQueueFull_then503AndSlacksRetryIsAnsweredOnce() throws Exception {
        assertThat(status("Ev1")).isEqualTo(200);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(status("Ev2")).isEqualTo(200);
        assertThat(status("Ev3")).as("no room on the queue").isEqualTo(503);
        release.countDown();
        assertThat(twoHandled.await(10, TimeUnit.SECONDS)).as("the queue has room again").isTrue();
        assertThat(status("Ev3")).as("Slack's retry").isEqualTo(200);
        workers.close();
        assertThat(handled).containsExactly("Ev1", "Ev2", "Ev3");
    }

    @Test
    void givenARetryOfAnEventTaken_thenAckedAndHandledOnce() throws Exception {
        release.countDown();
        assertThat(status("Ev4")).isEqualTo(200);
        assertThat(status("Ev4")).isEqualTo(200);
        workers.close();
        assertThat(handled).containsExactly("Ev4");
    }

    @Test
    void givenAnInlineEvent_thenHandledOnTheRequestThreadBeforeTheAck() throws Exception {
        String body = Events.callback("Ev5", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}");
        assertThat(app.run(new EventRequest(body, new RequestHeaders(Map.of()))).getStatusCode()).isEqualTo(200);
        assertThat(inline).containsExactly(Thread.currentThread().getName());
    }

    private int status(String eventId) throws Exception {
        String body = Events.direct(eventId, "U1", "what does 4.4 say");
        return app.run(new EventRequest(body, new RequestHeaders(Map.of()))).getStatusCode();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
