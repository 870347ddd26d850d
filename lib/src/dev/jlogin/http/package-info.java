/**
 * The only door to the network: {@code HttpSender} (one method, so tests and callers can stand in
 * for it), {@code HttpTransport} (timeouts, no redirects, capped bodies, https or loopback only),
 * proxies and CA files ({@code Network}), and the {@code --verbose} log ({@code HttpLog}).
 *
 * <p>May use: the root package.
 */
package dev.jlogin.http;
