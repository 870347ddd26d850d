/**
 * The outside world a command meets, and what reaches a person's terminal: the {@link
 * dev.jlogin.cli.terminal.Environment} (streams, variables, clock, browser, so commands run
 * in-process in tests), whether a stream is a terminal and sanitising server text for it, the status
 * line, the QR code, the clipboard, Ctrl-C while waiting, signals relayed to a child, and how times are
 * written.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install.
 */
package dev.jlogin.cli.terminal;
