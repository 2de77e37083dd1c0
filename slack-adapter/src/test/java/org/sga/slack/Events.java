package org.sga.slack;

import java.util.concurrent.atomic.AtomicLong;

/** Slack payloads as they arrive, built as JSON text. */
final class Events {

    private static final AtomicLong IDS = new AtomicLong(1000);

    private Events() {
    }

    static String newEventId() {
        return "Ev" + IDS.incrementAndGet();
    }

    static String mention(String eventId, String channel, String user, String text) {
        return callback(eventId, "{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":\"<@" + SlackFake.BOT_USER
                + "> " + json(text) + "\",\"ts\":\"1700000001.000200\",\"channel\":\"" + channel
                + "\",\"event_ts\":\"1700000001.000200\"}");
    }

    static String direct(String eventId, String user, String text) {
        return callback(eventId, "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"" + user + "\",\"text\":\""
                + json(text) + "\",\"ts\":\"1700000002.000300\",\"channel\":\"" + SlackFake.DM
                + "\",\"event_ts\":\"1700000002.000300\"}");
    }

    static String fileShare(String eventId, String user) {
        return callback(eventId, "{\"type\":\"message\",\"subtype\":\"file_share\",\"channel_type\":\"im\",\"user\":\""
                + user + "\",\"text\":\"\",\"files\":[{\"id\":\"F1\",\"name\":\"photo.jpg\",\"mimetype\":\"image/jpeg\","
                + "\"url_private\":\"http://localhost:1/files/F1/photo.jpg\","
                + "\"url_private_download\":\"http://localhost:1/files/F1/download\"}],"
                + "\"ts\":\"1700000003.000400\",\"channel\":\"" + SlackFake.DM + "\",\"event_ts\":\"1700000003.000400\"}");
    }

    static String homeOpened(String eventId, String user) {
        return callback(eventId, "{\"type\":\"app_home_opened\",\"user\":\"" + user + "\",\"channel\":\"" + SlackFake.DM
                + "\",\"tab\":\"home\",\"event_ts\":\"1700000004.000500\"}");
    }

    static String callback(String eventId, String event) {
        return "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\""
                + eventId + "\",\"event_time\":1700000001,\"event\":" + event + "}";
    }

    static String slashCommand(String user, String channel, String text, String responseUrl) {
        return "token=x&team_id=T1&team_domain=t&channel_id=" + channel + "&channel_name=x&user_id=" + user
                + "&user_name=u&command=%2Fsafeguarding&text=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url=" + java.net.URLEncoder.encode(responseUrl, java.nio.charset.StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
    }

    /** A button press on a message in a channel or DM (not ephemeral). */
    static String click(String user, String channel, String messageTs, String actionId, String label, String value,
                        String blocksJson, String responseUrl) {
        return "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},\"user\":{\"id\":\"" + user
                + "\",\"username\":\"u\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"x\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\"" + channel
                + "\",\"is_ephemeral\":false},\"trigger_id\":\"1.2.3\",\"channel\":{\"id\":\"" + channel + "\",\"name\":\"x\"},"
                + "\"message\":{\"type\":\"message\",\"user\":\"" + SlackFake.BOT_USER + "\",\"ts\":\"" + messageTs
                + "\",\"text\":\"x\",\"blocks\":" + (blocksJson == null ? "[]" : blocksJson) + "},"
                + "\"response_url\":\"" + responseUrl + "\",\"actions\":[{\"action_id\":\"" + actionId
                + "\",\"block_id\":\"b\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + json(label) + "\"},\"value\":\""
                + json(value) + "\",\"type\":\"button\",\"action_ts\":\"1700000005.1\"}]}";
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
