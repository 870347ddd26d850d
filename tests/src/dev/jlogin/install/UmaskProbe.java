package dev.jlogin.install;

import dev.jlogin.store.FolderTrust;
import java.nio.file.Path;

/** Creates the folder its argument names the way install creates its own, in a process whose umask the test sets. */
public final class UmaskProbe {
    private UmaskProbe() {
    }

    public static void main(String[] args) throws Exception {
        FolderTrust.createPrivate(Path.of(args[0]));
    }
}
