/**
 * The browser login's two ends on this machine: opening a link ({@code BrowserLauncher}) and the
 * loopback listener the browser comes back to ({@code RedirectListener}, RFC 8252).
 *
 * <p>May use: the root package, http, json, oauth.
 */
package dev.jlogin.browser;
