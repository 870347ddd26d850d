/**
 * Where logins live: {@code TokenStore} over its backends (file, Secret Service keyring, macOS
 * Keychain, memory), each profile's cross-process lock, owner-only files written atomically, the
 * discovery cache and the lifecycle log.
 *
 * <p>May use: the root package, http, json, oauth.
 */
package dev.jlogin.store;
