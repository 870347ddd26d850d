/**
 * The device flow's polling loop (RFC 8628 §3.4-3.5): intervals, {@code slow_down}, back-off and
 * the deadline; its only wait is an injected {@code Sleeper}.
 *
 * <p>May use: the root package, http, json, oauth.
 */
package dev.jlogin.device;
