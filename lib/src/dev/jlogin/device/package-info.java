/**
 * The device flow's own protocol (RFC 8628), in one place: the device authorization request and its
 * answer (§3.1-3.2), and the polling loop (§3.4-3.5: intervals, {@code slow_down}, back-off and the
 * deadline; its only wait is an injected {@code Sleeper}). The session's {@code DeviceFlow} runs
 * them around the person's approval; the login command's {@code LoginScreen} shows them.
 *
 * <p>May use: the root package, http, json, oauth.
 */
package dev.jlogin.device;
