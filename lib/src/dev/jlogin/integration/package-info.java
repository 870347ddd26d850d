/**
 * Other tools' wire formats: git's credential protocol and which hosts get a token, kubectl's
 * {@code ExecCredential}.
 *
 * <p>May use: the root package, http, json, oauth.
 */
package dev.jlogin.integration;
