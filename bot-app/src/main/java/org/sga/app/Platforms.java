package org.sga.app;

import java.util.Map;

/** Which chat platforms the environment configures; with none, the bot runs as a console chat. */
final class Platforms {

    private Platforms() {
    }

    static boolean noneConfigured(Map<String, String> env) {
        return blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("MICROSOFT_APP_ID"))
                && !"true".equalsIgnoreCase(env.get("SGA_TEAMS_ALLOW_UNAUTHENTICATED"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
