package org.sga.teams;

/**
 * Told the outcome of every call to the Bot Framework connector (replies, proactive notices, card updates): a short
 * name of the call and, when it failed, {@code http_NNN}, {@code timeout} or {@code io_error}. For metrics and
 * health; never given message text.
 */
@FunctionalInterface
public interface ApiCalls {

    /** Nobody listens. */
    ApiCalls NONE = (method, errorCode) -> { };

    /** @param errorCode null when the call succeeded */
    void answered(String method, String errorCode);

    /** The call's short name from its HTTP method and path, e.g. {@code POST activities}. */
    static String method(String httpMethod, java.util.List<String> path) {
        String last = path.isEmpty() ? "unknown" : path.getLast();
        String name = path.contains("activities") ? "activities" : path.contains("members") ? "members"
                : path.contains("conversations") && "conversations".equals(last) ? "conversations" : "other";
        return httpMethod + " " + name;
    }
}
