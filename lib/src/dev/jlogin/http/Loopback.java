package dev.jlogin.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This machine's loopback interface, told from a URL's host alone: the one place plain http may
 * carry tokens (a local IdP such as the sandbox), and never through a proxy.
 */
public final class Loopback {
    private Loopback() {
    }

    /**
     * Whether {@code host} (a name or literal address, IPv6 in brackets or not) is this machine's
     * loopback: {@code localhost} or a literal loopback address. Names are never looked up: whoever
     * answers for a name (DNS, a hosts file) would decide where tokens go over plain http, and
     * names such as {@code cafe} only look like addresses.
     */
    public static boolean is(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.indexOf(':') < 0) {
            return isLoopbackIpv4(h);
        }
        for (int i = 0; i < h.length(); i++) {
            if ("0123456789abcdefABCDEF:.".indexOf(h.charAt(i)) < 0) {
                return false;
            }
        }
        try {
            // in brackets the JDK only parses an IPv6 literal: an invalid one is an error, not a name to look up
            return InetAddress.getByName("[" + h + "]").isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** 127.0.0.0/8 in dotted-quad form, the only IPv4 form URLs use. */
    private static boolean isLoopbackIpv4(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }
}
