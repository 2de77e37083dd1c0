package org.sga.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode against a local websocket server standing in for Slack's, with the Web API on WireMock. */
class SocketModeTest {

    private SlackFake slack;
    private FakeSocketServer socket;
    private SlackBot bot;
    private ScriptedCore core;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackFake();
        socket = new FakeSocketServer();
        socket.start();
        socket.started.await(5, TimeUnit.SECONDS);
        slack.server.stubFor(post(urlEqualTo("/api/apps.connections.open")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"ws://localhost:" + socket.getPort() + "/link\"}")));
        core = new ScriptedCore();
        bot = new SlackBot(new SlackSettings("xoxb-test", null, "xapp-test", slack.apiUrl()), core, new InMemoryEvents(),
                ScriptedCore.NO_ACKNOWLEDGEMENTS, f -> { });
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        socket.stop(1000);
        slack.close();
    }

    @Test
    void givenMentionOverTheSocket_thenAckedByEnvelopeAndAnsweredThroughTheWebApi() throws Exception {
        bot.startSocketMode();
        assertThat(socket.connected.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
        // Bolt asks for a socket URL with the app token (once or twice, as its client does); never with the bot token.
        assertThat(slack.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/apps.connections.open"))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer xapp-test"));
        String event = Events.mention(Events.newEventId(), "CSTAFF", "U1", "what does 4.4 say");
        socket.broadcast("{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + event + "}");
        SlackFake.await("the ack", () -> socket.received.stream().anyMatch(m -> m.contains("\"envelope_id\":\"env-1\"")));
        SlackFake.await("the answer", () -> slack.count("chat.postMessage") == 1);
        assertThat(slack.calls("chat.postMessage").getFirst().get("channel")).isEqualTo("CSTAFF");
        assertThat(core.received).hasSize(1);
    }

    @Test
    void givenSameEnvelopeTwice_thenOneAnswer() throws Exception {
        bot.startSocketMode();
        assertThat(socket.connected.await(10, TimeUnit.SECONDS)).isTrue();
        String event = Events.direct(Events.newEventId(), "U1", "what does 4.4 say");
        for (int i = 0; i < 2; i++) {
            socket.broadcast("{\"envelope_id\":\"env-" + i + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                    + "\"retry_attempt\":" + i + ",\"retry_reason\":\"timeout\",\"payload\":" + event + "}");
        }
        SlackFake.await("two acks", () -> socket.received.size() >= 2);
        SlackFake.await("the answer", () -> slack.count("chat.postMessage") == 1);
        SlackFake.settle();
        assertThat(slack.count("chat.postMessage")).isEqualTo(1);
    }

    /** Says hello on connect, as Slack's server does, and keeps what the client sends. */
    static final class FakeSocketServer extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();

        FakeSocketServer() {
            super(new InetSocketAddress("localhost", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
