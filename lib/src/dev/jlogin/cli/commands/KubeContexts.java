package dev.jlogin.cli.commands;

import dev.jlogin.cli.Invocation;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contexts and clusters of the kubeconfig kubectl uses (its files merged, as {@code kubectl
 * config view} shows them), so that setup-kube ends with a command that points a context at the
 * new user and works as printed: kubectl's {@code set-context --current} fails where no context is
 * current, as in a kubeconfig that holds only a cluster.
 *
 * @param current     the current context, when it names one that exists
 * @param currentUser the user that context names, if any
 */
record KubeContexts(Optional<String> current, Optional<String> currentUser, List<String> contexts, List<String> clusters) {

    /** {@code kubectl config view -o json}, where an empty list is {@code null}. */
    static KubeContexts parse(String json) throws MalformedJsonException {
        JsonObject config = JsonObject.parse(json);
        List<String> contexts = names(config, "contexts");
        Optional<String> current = config.string("current-context").filter(contexts::contains);
        Optional<String> currentUser = Optional.empty();
        for (JsonObject context : config.objects("contexts").orElse(List.of())) {
            Optional<JsonObject> body = context.object("context");
            if (current.isPresent() && context.requireString("name").equals(current.get()) && body.isPresent()) {
                currentUser = body.get().string("user");
            }
        }
        return new KubeContexts(current, currentUser, contexts, names(config, "clusters"));
    }

    private static List<String> names(JsonObject config, String list) throws MalformedJsonException {
        List<String> names = new ArrayList<>();
        for (JsonObject entry : config.objects(list).orElse(List.of())) {
            names.add(entry.requireString("name"));
        }
        return names;
    }

    /**
     * What to run so that kubectl uses {@code user}: a sentence, then one command line per choice
     * (indented), each kubectl given {@code kubeconfig} (the flag setup-kube was given, if any).
     * Without a cluster there is nothing to point at: then it says so, and what to do.
     */
    List<String> pointAt(String user, List<String> kubeconfig, String setupKube) {
        List<String> lines = new ArrayList<>();
        if (current.isPresent() && currentUser.filter(user::equals).isPresent()) {
            lines.add("The current context ('" + current.get() + "') uses it already.");
        } else if (current.isPresent()) {
            lines.add("Point the current context ('" + current.get() + "') at it:");
            lines.add("  " + kubectl(kubeconfig, "config", "set-context", "--current", "--user", user));
        } else if (!contexts.isEmpty()) {
            lines.add("There is no current context; point " + (contexts.size() == 1 ? "context '" + contexts.get(0) + "'"
                    : "one of the contexts") + " at it and make that current" + (contexts.size() == 1 ? ":" : " (one of):"));
            contexts.forEach(context -> lines.add("  " + kubectl(kubeconfig, "config", "set-context", context, "--user", user)
                    + " && " + kubectl(kubeconfig, "config", "use-context", context)));
        } else if (!clusters.isEmpty()) {
            lines.add("There is no context yet; make one with it for " + (clusters.size() == 1 ? "cluster '" + clusters.get(0) + "'"
                    : "one of the clusters") + ", and make that current" + (clusters.size() == 1 ? ":" : " (one of):"));
            clusters.forEach(cluster -> {
                String context = user + "@" + cluster;
                lines.add("  " + kubectl(kubeconfig, "config", "set-context", context, "--cluster", cluster, "--user", user)
                        + " && " + kubectl(kubeconfig, "config", "use-context", context));
            });
        } else {
            lines.add("The kubeconfig has no cluster yet: once it has yours (from the cluster's administrators), run "
                    + setupKube + " again for the command that points a context at the user.");
        }
        return lines;
    }

    private static String kubectl(List<String> kubeconfig, String... args) {
        List<String> words = new ArrayList<>(List.of("kubectl"));
        words.addAll(kubeconfig);
        words.addAll(List.of(args));
        return String.join(" ", words.stream().map(Invocation::quote).toList());
    }
}
