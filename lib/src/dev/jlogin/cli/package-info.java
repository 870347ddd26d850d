/**
 * The command framework: parsing options ({@link dev.jlogin.cli.Args}, {@link dev.jlogin.cli.CommandSpec},
 * {@link dev.jlogin.cli.Options}), one command invocation's {@link dev.jlogin.cli.Context}, exit codes,
 * how the user runs us ({@link dev.jlogin.cli.Invocation}, so hints work when pasted), and {@link
 * dev.jlogin.cli.Cli}, which turns every failure into one sanitised line and a documented code. The
 * commands themselves are in {@code cli.commands}, what reaches a terminal in {@code cli.terminal},
 * the installed launcher in {@code cli.launcher}.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config, session, install, cli.terminal.
 */
package dev.jlogin.cli;
