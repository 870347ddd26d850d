package dev.jlogin.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logins kept in this process only: for JShell sessions and programs that must not touch the disk. */
public final class MemoryBackend implements SecretBackend {
    /** The one that {@code --store memory} means: shared by every command run in this process. */
    public static final MemoryBackend PROCESS = new MemoryBackend();

    private final Map<String, String> logins = new ConcurrentHashMap<>();

    @Override
    public String describe() {
        return "memory (this process only)";
    }

    @Override
    public String protection() {
        return "never written anywhere";
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public Optional<String> read(String profile) {
        return Optional.ofNullable(logins.get(profile));
    }

    @Override
    public void write(String profile, byte[] content) {
        logins.put(profile, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<List<String>> profiles() {
        return Optional.of(logins.keySet().stream().sorted().toList());
    }
}
