/**
 * The sandbox tool, not part of the library: Keycloak from Maven Central as a local process with a
 * demo realm and user, and the tour of every command.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install, cli.terminal, cli, cli.commands, cli.launcher.
 */
package dev.jlogin.sandbox;
