package org.sga.slack;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link ApiCalls} each Web API call's method and outcome: {@code http_NNN} for HTTP errors, Slack's error code
 * for {@code ok:false}, {@code timeout} or {@code io_error} when no response came. Only the response's top-level
 * {@code ok} and {@code error} are read; nothing of it is logged.
 */
record ApiCallReporter(ApiCalls calls) implements okhttp3.Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCallReporter.class);
    /** Slack's error codes are short identifiers; anything else is not passed on as a metric label. */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Enough for {@code ok} and {@code error}, which Slack puts first; a longer body is read only this far. */
    private static final long PEEKED = 64 * 1024;

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        List<String> path = chain.request().url().pathSegments();
        String method = path.isEmpty() ? "unknown" : path.getLast();
        okhttp3.Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (InterruptedIOException e) {
            report(method, "timeout");
            throw e;
        } catch (IOException e) {
            report(method, "io_error");
            throw e;
        }
        report(method, response.code() >= 400 ? "http_" + response.code() : errorCode(response.peekBody(PEEKED).string()));
        return response;
    }

    /**
     * Null unless {@code body} is a JSON object with {@code "ok": false}; then its {@code error}, or {@code not_ok} when
     * that is missing or not an error code. A body cut short still gives what was read before the cut.
     */
    static String errorCode(String body) {
        Boolean ok = null;
        String error = null;
        try (JsonReader json = new JsonReader(new StringReader(body))) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                return null;
            }
            json.beginObject();
            while (json.hasNext() && (ok == null || error == null)) {
                String name = json.nextName();
                if ("ok".equals(name) && json.peek() == JsonToken.BOOLEAN) {
                    ok = json.nextBoolean();
                } else if ("error".equals(name) && json.peek() == JsonToken.STRING) {
                    error = json.nextString();
                } else {
                    json.skipValue();
                }
            }
        } catch (IOException | IllegalStateException e) {
            // Not JSON, or cut short: what was read so far decides.
        }
        if (!Boolean.FALSE.equals(ok)) {
            return null;
        }
        return error != null && ERROR_CODE.matcher(error).matches() ? error : "not_ok";
    }

    private void report(String method, String error) {
        try {
            calls.answered(method, error);
        } catch (RuntimeException e) {
            LOG.debug("API call listener failed: {}", e.getClass().getSimpleName());
        }
    }
}
