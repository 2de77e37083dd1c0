package org.sga.slack;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with 401 and before Bolt or any handler sees it, a request to {@code /slack/events} that is unsigned,
 * dated more than five minutes from now in either direction, or whose signature does not match its body; with 413 one
 * whose body is above {@link #MAX_BODY}, by its declared length before reading, or once that much has been read.
 * Bolt checks signatures too, but accepts requests dated in the future and compares with {@code String.equals};
 * this filter compares in constant time. It reads the body once and hands Bolt a request that replays the same
 * bytes, so the signature Bolt computes is over the body Slack sent.
 */
public final class SignatureFilter implements Filter {

    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Slack's payloads are far smaller; a body above this is not Slack. */
    static final int MAX_BODY = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(SignatureFilter.class);

    private final byte[] secret;
    private final Clock clock;

    public SignatureFilter(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("signing secret is missing");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        String timestamp = http.getHeader("X-Slack-Request-Timestamp");
        String signature = http.getHeader("X-Slack-Signature");
        if (timestamp == null || signature == null) {
            refuse(out, "unsigned");
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            refuse(out, "bad_timestamp");
            return;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > WINDOW.toSeconds()) {
            refuse(out, "timestamp_outside_window");
            return;
        }
        if (http.getContentLengthLong() > MAX_BODY) {
            // Refused on the declared length, before a byte of the body is read.
            LOG.warn("Refused a request to the Slack endpoint: body of {} bytes declared, above the limit",
                    http.getContentLengthLong());
            out.sendError(413);
            return;
        }
        byte[] body = read(http.getInputStream());
        if (body == null) {
            LOG.warn("Refused a request to the Slack endpoint: body above the limit");
            out.sendError(413);
            return;
        }
        if (!MessageDigest.isEqual(sign(timestamp.strip(), body), signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            refuse(out, "bad_signature");
            return;
        }
        chain.doFilter(new ReplayedBody(http, body), response);
    }

    /** {@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:body}, as ASCII bytes. */
    byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(HttpServletResponse out, String reason) throws IOException {
        // The reason only: never the body, never the headers' values.
        LOG.warn("Refused a request to the Slack endpoint: {}", reason);
        out.setStatus(401);
        out.setContentType("application/json");
        out.getWriter().write("{\"error\":\"invalid request\"}");
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    /** The request as received, its body served again from memory. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
