/**
 * The commands behind the scripts and the launcher's subcommands, one class each: they parse
 * nothing themselves (their {@link dev.jlogin.cli.CommandSpec} does) and render what the library
 * returns, as text or JSON; the waiting screen of a login; git's and kubectl's configuration as
 * setup-git and setup-kube write it.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install, cli.terminal, cli.
 */
package dev.jlogin.cli.commands;
