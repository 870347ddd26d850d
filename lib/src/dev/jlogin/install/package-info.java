/**
 * The installed launcher: choosing a Java runtime, the start-up cache (AOT or CDS) and its
 * training, the launcher script for POSIX shells and {@code cmd}.
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration, config.
 */
package dev.jlogin.install;
