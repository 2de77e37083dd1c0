package org.sga.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Event ids for de-duplication: conversation and activity, hashed when too long for the store's key. */
final class EventIds {

    private static final int MAX = 255;

    private EventIds() {
    }

    static String of(String conversationId, String activityId) {
        String id = conversationId + "/" + activityId;
        if (id.length() <= MAX) {
            return id;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
