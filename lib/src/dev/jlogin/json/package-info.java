/**
 * JSON on the protocol path: a strict RFC 8259 reader ({@code JsonReader}, fuzzed and compared with
 * jackson), typed access ({@code JsonObject}) and a writer ({@code Json}). Users' JSON (runbooks,
 * notebooks, JShell) goes through jackson-jr instead.
 *
 * <p>May use: the root package.
 */
package dev.jlogin.json;
