package dev.jlogin.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The macOS Keychain through the {@code security} tool, with no native code. A login (base64, so
 * no quoting is needed) is written through {@code security -i}'s stdin, never its command line; as
 * that reads at most 4095 bytes a line, a login of more than about 3 KB (a Keycloak or Entra login
 * with its ID token is 4 to 8) is kept in several items, as {@link KeychainHead} describes: parts
 * first, the head last, then read back and compared, then the parts of the previous login removed.
 * Writers hold the profile's lock ({@link TokenStore}); readers do not, and read again when the
 * head changed under them.
 */
public final class KeychainBackend implements SecretBackend {
    /** Base64 characters per item: with the command around them, a line stays far below the 4095 bytes. */
    static final int PART = 3000;
    /** The file store's bound on a login, in parts. */
    static final int MAX_PARTS = (FileBackend.MAX_BYTES + 2) / 3 * 4 / PART + 1;
    /** A reader that raced writers this often gives up: a writer takes a few tool runs, readers one or two. */
    private static final int READ_ATTEMPTS = 5;

    private final String service;
    private final SecurityTool security;

    public KeychainBackend(String store, Duration timeout) {
        this(store, "security", timeout);
    }

    /** With {@code program} in place of {@code security} on the PATH. */
    KeychainBackend(String store, String program, Duration timeout) {
        this.service = "jlogin:" + store;
        this.security = new SecurityTool(program, timeout);
    }

    @Override
    public String describe() {
        return "macOS Keychain";
    }

    @Override
    public String protection() {
        return "the user's login keychain, unlocked with their session";
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            Optional<String> value = security.find(service, profile);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            KeychainHead head = KeychainHead.parse(value.get()).orElseThrow(KeychainBackend::notOurs);
            if (head.count() == 0) {
                return Optional.empty();
            }
            Optional<String> text = assemble(profile, head);
            if (text.isPresent()) {
                return Optional.of(decode(text.get()));
            }
        }
        throw new IOException("the login's Keychain items are incomplete (or kept changing while read); log in again");
    }

    /** The whole base64 text, or empty if the parts are not (or no longer) the ones the head describes. */
    private Optional<String> assemble(String profile, KeychainHead head) throws IOException {
        StringBuilder text = new StringBuilder(head.first());
        if (head.count() > 1) {
            List<String> finds = new ArrayList<>();
            for (int i = 1; i < head.count(); i++) {
                finds.add("find-generic-password -s " + service + " -a " + part(profile, head.slot(), i) + " -w");
            }
            String[] parts = security.session(finds).out().split("\n");
            if (parts.length != head.count() - 1) {
                return Optional.empty();
            }
            for (String part : parts) {
                text.append(part);
            }
        }
        return head.matches(text.toString()) ? Optional.of(text.toString()) : Optional.empty();
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        if (content.length > FileBackend.MAX_BYTES) {
            throw new IOException("a login of " + content.length + " bytes is too big for the Keychain");
        }
        String text = Base64.getEncoder().encodeToString(content);
        List<String> parts = cut(text);
        // a head that cannot be read is replaced: that is how a damaged login is recovered from
        Optional<KeychainHead> old = security.find(service, profile).flatMap(KeychainHead::parse);
        char slot = old.map(KeychainHead::nextSlot).orElse('a');
        int oldHigh = old.map(KeychainHead::high).orElse(0);
        int high = Math.max(oldHigh, parts.size());

        List<String> lines = new ArrayList<>();
        // say first how many parts there may soon be, so that a writer killed midway leaves none unknown
        // (a head of an earlier version cannot say it; its first replacement is not covered)
        if (old.isEmpty()) {
            lines.add(add(profile, KeychainHead.pending(slot, high).format()));
        } else if (!old.get().legacy() && high > oldHigh) {
            lines.add(add(profile, old.get().withHigh(high).format()));
        }
        for (int i = 1; i < parts.size(); i++) {
            lines.add(add(part(profile, slot, i), parts.get(i)));
        }
        KeychainHead head = KeychainHead.of(slot, parts.size(), high, text, parts.get(0));
        lines.add(add(profile, head.format()));
        security.check(security.session(lines).exit(), "store the login in");

        if (!read(profile).equals(Optional.of(new String(content, StandardCharsets.UTF_8)))) {
            throw new IOException("the Keychain did not keep the login as it was written");
        }
        removeStaleParts(profile, old, head);
    }

    /** The previous login's parts, and parts beyond this one's of a writer killed midway; then the head says there are no more. */
    private void removeStaleParts(String profile, Optional<KeychainHead> old, KeychainHead head) throws IOException {
        List<String> lines = new ArrayList<>();
        if (old.isPresent() && !old.get().legacy()) {
            for (int i = 1; i < old.get().high(); i++) {
                lines.add(delete(part(profile, old.get().slot(), i)));
            }
        }
        for (int i = head.count(); i < head.high(); i++) {
            lines.add(delete(part(profile, head.slot(), i)));
        }
        if (!lines.isEmpty()) {
            lines.add(add(profile, head.withHigh(head.count()).format()));
            // a part already gone is "not found", which is what was wanted: only the last line's status tells
            security.check(security.session(lines).exit(), "tidy");
        }
    }

    private String add(String account, String value) {
        return "add-generic-password -U -s " + service + " -a " + account + " -w " + value;
    }

    private String delete(String account) {
        return "delete-generic-password -s " + service + " -a " + account;
    }

    /** A part's account: ':' never occurs in a profile name, so no profile's head can be taken for a part. */
    private static String part(String profile, char slot, int index) {
        return profile + ":" + slot + ":" + index;
    }

    private static List<String> cut(String text) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length() || parts.isEmpty(); start += PART) {
            parts.add(text.substring(start, Math.min(text.length(), start + PART)));
        }
        return parts;
    }

    private static String decode(String text) throws IOException {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    private static IOException notOurs() {
        return new IOException("the Keychain item is not one jlogin wrote");
    }

    /** "answers", or why not: for doctor. */
    public static String probe(Duration timeout) {
        return new SecurityTool("security", timeout).probe();
    }
}
