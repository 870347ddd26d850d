package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.session.ProfileAudit;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit}: every profile classified for the organisation (server, client type, flow,
 * scopes, token lifetimes, session age, store, revocation, ID token) and each policy rule it breaks,
 * as text or as one JSON document for fleet tools. Offline unless {@code --online}; never a token.
 */
public final class AuditCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("audit", "classify every profile and list what breaks the organisation's policy")
            .about("Lists every stored profile: issuer, provider, client and whether it is public, how it logged in, scopes,"
                    + " access-token lifetime, refresh token, session start and last refresh, store, revocation and the"
                    + " ID token's check, and each rule of the organisation's policy it breaks. Reads only the store and the"
                    + " discovery cache; --online asks each server whether it can revoke. Tokens are never shown."
                    + " Exits 1 when any profile breaks the policy. With --log, shows the lifecycle log instead: every"
                    + " login, refresh, failed refresh, policy refusal and logout, oldest first.")
            .options(Option.flag("online", "ask each server for its metadata (revocation)"),
                    Option.flag("log", "show the lifecycle log (logins, refreshes, refusals, logouts)"), Options.STORE)
            .groups(Options.NETWORK, Options.OUTPUT)
            .examples("--json", "--online --json", "--log")
            .exits(ExitCode.OK, ExitCode.PROBLEM, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        if (ctx.args().has("log")) {
            return log(ctx);
        }
        List<ProfileAudit> audits = ctx.api().audit(ctx.args().has("online"));
        boolean violated = audits.stream().anyMatch(a -> !a.violations().isEmpty());
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", violated ? "violations" : "ok");
            json.put("policy", ctx.api().parts().policy().isEmpty() ? "none" : "set");
            List<Map<String, Object>> profiles = new ArrayList<>();
            audits.forEach(a -> profiles.add(a.toMap()));
            json.put("profiles", profiles);
            ctx.printJson(json);
        } else {
            print(ctx.env().out(), audits, ctx.api().parts().policy().isEmpty());
        }
        return violated ? ExitCode.PROBLEM : ExitCode.OK;
    }

    /** The lifecycle log, oldest first; a line that is not a JSON object (a damaged log) is counted, not shown. */
    private static ExitCode log(Context ctx) {
        List<String> lines;
        try {
            lines = ctx.api().lifecycleLog().lines();
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot read the lifecycle log: " + e.getMessage(), e);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        int damaged = 0;
        for (String line : lines) {
            try {
                events.add(JsonObject.parse(line).asMap());
            } catch (MalformedJsonException e) {
                damaged++;
            }
        }
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "ok");
            json.put("file", ctx.api().lifecycleLog().file().toString());
            json.put("damaged_lines", damaged);
            json.put("events", events);
            ctx.printJson(json);
            return ExitCode.OK;
        }
        PrintStream out = ctx.env().out();
        for (Map<String, Object> event : events) {
            List<String> parts = new ArrayList<>();
            event.forEach((key, value) -> {
                if (!List.of("time", "profile", "event").contains(key)) {
                    parts.add(key + "=" + render(value));
                }
            });
            out.println(Terminal.sanitize(event.get("time") + "  " + event.get("profile") + "  " + event.get("event") + "  "
                    + String.join(" ", parts)));
        }
        out.println(events.size() + " events in " + ctx.api().lifecycleLog().file() + (damaged > 0 ? "; " + damaged
                + " damaged lines skipped" : ""));
        return ExitCode.OK;
    }

    private static void print(PrintStream out, List<ProfileAudit> audits, boolean noPolicy) {
        if (audits.isEmpty()) {
            out.println("No profile is stored here.");
        }
        for (ProfileAudit audit : audits) {
            out.println(audit.profile());
            audit.fields().forEach((key, value) -> out.printf("  %-26s %s%n", label(key) + ":", render(value)));
            for (ProfileAudit.Violation violation : audit.violations()) {
                out.println("  violates " + violation.key() + ": " + Terminal.sanitize(violation.message()));
            }
        }
        out.println(noPolicy ? "No organisation policy is set." : audits.stream().allMatch(a -> a.violations().isEmpty())
                ? "Every profile keeps the organisation's policy." : "Some profile breaks the organisation's policy.");
    }

    /** A JSON field's name as a label: {@code access_token_lifetime_s} is "access token lifetime (s)". */
    private static String label(String key) {
        return key.endsWith("_s") ? key.substring(0, key.length() - 2).replace('_', ' ') + " (s)" : key.replace('_', ' ');
    }

    private static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + " " + v));
            return Terminal.sanitize(String.join("; ", parts));
        }
        if (value instanceof List<?> list) {
            // scopes are words; the tokens held for other APIs are a map each
            return list.isEmpty() ? "none" : String.join(list.get(0) instanceof Map ? " | " : " ",
                    list.stream().map(AuditCommand::render).toList());
        }
        return Terminal.sanitize(String.valueOf(value));
    }
}
