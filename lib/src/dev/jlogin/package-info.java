/**
 * What every layer shares: {@code JLoginException} (a failure's kind, OAuth error code, HTTP status and
 * cause), {@code Secret} (a value that prints as [redacted]), {@code ServerText} (server text made safe
 * for a terminal), {@code Host} (the only reader of the process's environment and properties),
 * {@code UserHome}, {@code Subprocess} (the one way another program is run) and {@code Version}.
 *
 * <p>May use: no other package of jlogin.
 */
package dev.jlogin;
