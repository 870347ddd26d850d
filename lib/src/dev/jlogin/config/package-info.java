/**
 * Settings and their precedence (flags, environment, catalog properties, the saved profile), the
 * provider presets ({@code Provider}: only each provider's departures from the standards), the
 * organisation's policy, and the APIs it names ({@code Audiences}).
 *
 * <p>May use: the root package, http, json, oauth, device, browser, store, integration.
 */
package dev.jlogin.config;
