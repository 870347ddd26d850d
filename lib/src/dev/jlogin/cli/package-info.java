/**
 * The commands behind the scripts and the launcher's subcommands: parsing options, rendering what
 * the library returns (text or JSON), exit codes, and keeping tokens and server text off terminals.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install.
 */
package dev.jlogin.cli;
