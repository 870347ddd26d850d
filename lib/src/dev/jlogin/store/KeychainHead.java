package dev.jlogin.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The item named after the profile, which says where the rest of a login kept in the Keychain is:
 * {@code jlogin:2:SLOT:COUNT:HIGH:DIGEST:FIRST}. The login's base64 text is cut into COUNT parts;
 * the first is here, the others are items {@code PROFILE:SLOT:I}. A new login goes into the slot
 * the head does not name and the head is written last, so a reader finds the old login or the new
 * one; the digest (SHA-256 of the whole text) tells a reader that raced a writer to read again.
 * HIGH is how many parts either slot may hold, so the parts of a writer killed midway are found
 * and removed later. COUNT 0 means no login: a first write in progress. A head that is plain
 * base64 was written by an earlier version as one item.
 */
record KeychainHead(char slot, int count, int high, String digest, String first) {
    private static final String PREFIX = "jlogin:2:";
    private static final char LEGACY = '-';

    /** The head of a login whose base64 text is {@code text}, cut into {@code count} parts. */
    static KeychainHead of(char slot, int count, int high, String text, String first) {
        return new KeychainHead(slot, count, high, digest(text), first);
    }

    /** What a first write says before its parts exist: no login yet, but up to {@code high} parts in {@code slot}. */
    static KeychainHead pending(char slot, int high) {
        return new KeychainHead(slot, 0, high, "", "");
    }

    static Optional<KeychainHead> parse(String value) {
        if (!value.startsWith(PREFIX)) {
            return Optional.of(new KeychainHead(LEGACY, 1, 1, "", value));
        }
        String[] fields = value.substring(PREFIX.length()).split(":", -1);
        if (fields.length != 5 || fields[0].length() != 1 || "ab".indexOf(fields[0].charAt(0)) < 0) {
            return Optional.empty();
        }
        try {
            int count = Integer.parseInt(fields[1]);
            int high = Integer.parseInt(fields[2]);
            if (count < 0 || high < count || high > KeychainBackend.MAX_PARTS) {
                return Optional.empty();
            }
            return Optional.of(new KeychainHead(fields[0].charAt(0), count, high, fields[3], fields[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String format() {
        return PREFIX + slot + ":" + count + ":" + high + ":" + digest + ":" + first;
    }

    boolean legacy() {
        return slot == LEGACY;
    }

    /** The slot a new login goes into: the other one. */
    char nextSlot() {
        return slot == 'a' ? 'b' : 'a';
    }

    KeychainHead withHigh(int newHigh) {
        return new KeychainHead(slot, count, newHigh, digest, first);
    }

    /** Whether {@code text} is the whole login this head describes (always so for a head of an earlier version). */
    boolean matches(String text) {
        return legacy() || digest.equals(digest(text));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
