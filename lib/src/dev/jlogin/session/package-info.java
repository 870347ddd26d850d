/**
 * The library's entry object {@code JLogin} and what it runs: the logins ({@code BrowserFlow},
 * {@code DeviceFlow}), valid tokens on demand under the profile's lock ({@code TokenManager}), tokens
 * for other APIs ({@code TargetGrant}), identity, logout and the audit.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config.
 */
package dev.jlogin.session;
