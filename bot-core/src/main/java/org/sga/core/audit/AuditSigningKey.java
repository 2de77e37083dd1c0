package org.sga.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs audit checkpoints (HMAC-SHA256), from {@value #ENV}. Whoever holds it can sign a checkpoint,
 * so it lives outside the database: someone with only database access cannot forge one to hide deleted records. Its
 * {@link #id()} (an HMAC of a fixed text, not the key) is stored beside each signature, so a check with another key
 * says so rather than calling the checkpoint altered. Never printed.
 */
public final class AuditSigningKey {

    /** The environment variable holding the key. */
    public static final String ENV = "SGA_AUDIT_SIGNING_KEY";
    /** Shortest key accepted, in characters: a short key could be guessed from a signature. */
    public static final int MIN_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String id;

    private AuditSigningKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.id = mac("sga-audit-key-id").substring(0, 16);
    }

    /**
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_LENGTH} characters (the message never
     *                                  holds the key)
     */
    public static AuditSigningKey of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(ENV + " must be at least " + MIN_LENGTH
                    + " characters (for example the output of: openssl rand -base64 48)");
        }
        return new AuditSigningKey(secret.strip());
    }

    /** The key in {@value #ENV} of {@code environment}, or empty when it is unset or blank. */
    public static Optional<AuditSigningKey> from(UnaryOperator<String> environment) {
        String secret = environment.apply(ENV);
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(of(secret));
    }

    /** Identifies the key without revealing it: 16 hex digits. */
    public String id() {
        return id;
    }

    /** The signature of a checkpoint's canonical text: 64 hex digits. */
    String sign(String canonical) {
        return mac(canonical);
    }

    /** True when the checkpoint carries this key's signature over its fields. */
    public boolean verifies(AuditCheckpoint checkpoint) {
        byte[] expected = sign(checkpoint.canonical()).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = checkpoint.signature().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "AuditSigningKey[id=" + id + "]";
    }
}
