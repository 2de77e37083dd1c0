package org.sga.teams;

import java.nio.charset.StandardCharsets;

/** Activities as Teams sends them, as JSON bodies for /api/messages. */
public final class Activities {

    public static final String BOT_ID = "28:" + BotFrameworkFake.APP_ID;
    public static final String PERSONAL_CHAT = "a:1personal-chat-of-sam";
    public static final String CHANNEL = "19:general@thread.tacv2";

    private Activities() {
    }

    public static String personalMessage(String serviceUrl, String id, String user, String text) {
        return """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","text":%s,
                 "from":{"id":"%s","name":"Sam Teacher","aadObjectId":"aad-%s"},
                 "recipient":{"id":"%s","name":"Safeguarding Assistant"},
                 "conversation":{"id":"%s","conversationType":"personal","tenantId":"%s"},
                 "channelData":{"tenant":{"id":"%s"}}}""".formatted(id, serviceUrl, quote(text), user, user, BOT_ID,
                PERSONAL_CHAT, BotFrameworkFake.TENANT_ID, BotFrameworkFake.TENANT_ID);
    }

    /** A message with a pasted image: Teams sends the image as an attachment and the text as HTML with an img. */
    public static String personalMessageWithImage(String serviceUrl, String id, String user) {
        return """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","text":"look at this",
                 "attachments":[{"contentType":"image/*","contentUrl":"%sv3/attachments/secret/views/original"},
                                {"contentType":"text/html","content":"<div>look at this <img src=\\"x\\"></div>"}],
                 "from":{"id":"%s","name":"Sam Teacher"},
                 "recipient":{"id":"%s","name":"Safeguarding Assistant"},
                 "conversation":{"id":"%s","conversationType":"personal","tenantId":"%s"}}""".formatted(id, serviceUrl,
                serviceUrl, user, BOT_ID, PERSONAL_CHAT, BotFrameworkFake.TENANT_ID);
    }

    public static String channelMention(String serviceUrl, String id, String user, String text) {
        return """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s",
                 "text":"<at>Safeguarding Assistant</at> %s",
                 "entities":[{"type":"mention","text":"<at>Safeguarding Assistant</at>",
                              "mentioned":{"id":"%s","name":"Safeguarding Assistant"}}],
                 "from":{"id":"%s","name":"Sam Teacher"},
                 "recipient":{"id":"%s","name":"Safeguarding Assistant"},
                 "conversation":{"id":"%s;messageid=%s","conversationType":"channel","isGroup":true,"tenantId":"%s"},
                 "channelData":{"team":{"id":"%s"},"channel":{"id":"%s"},"tenant":{"id":"%s"}}}""".formatted(id,
                serviceUrl, text, BOT_ID, user, BOT_ID, CHANNEL, id, BotFrameworkFake.TENANT_ID, CHANNEL, CHANNEL,
                BotFrameworkFake.TENANT_ID);
    }

    /** An Action.Submit click: a message with no text, the button's data in value, replyToId the card. */
    public static String submit(String serviceUrl, String id, String user, String conversationId, String cardId,
                                String dataJson) {
        String type = conversationId.startsWith("19:") ? "channel" : "personal";
        return """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","replyToId":"%s","value":%s,
                 "from":{"id":"%s","name":"%s","aadObjectId":"aad-%s"},
                 "recipient":{"id":"%s","name":"Safeguarding Assistant"},
                 "conversation":{"id":"%s","conversationType":"%s","tenantId":"%s"}}""".formatted(id, serviceUrl, cardId,
                dataJson, user, user, user, BOT_ID, conversationId, type, BotFrameworkFake.TENANT_ID);
    }

    public static String botAddedToTeam(String serviceUrl, String id) {
        return """
                {"type":"conversationUpdate","id":"%s","channelId":"msteams","serviceUrl":"%s",
                 "membersAdded":[{"id":"%s"}],
                 "from":{"id":"29:admin"},"recipient":{"id":"%s","name":"Safeguarding Assistant"},
                 "conversation":{"id":"%s","conversationType":"channel","isGroup":true,"tenantId":"%s"},
                 "channelData":{"eventType":"teamMemberAdded","team":{"id":"%s"},"tenant":{"id":"%s"}}}"""
                .formatted(id, serviceUrl, BOT_ID, BOT_ID, CHANNEL, BotFrameworkFake.TENANT_ID, CHANNEL,
                        BotFrameworkFake.TENANT_ID);
    }

    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
