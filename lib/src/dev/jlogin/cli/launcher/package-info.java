/**
 * The installed launcher as a command: its entry point, which runs any command by name at native
 * start-up speed, the install command that writes it (with {@code install}'s runtime and start-up
 * cache), its training run, and removing what setup-git and setup-kube wrote for it.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install, cli.terminal, cli, cli.commands.
 */
package dev.jlogin.cli.launcher;
