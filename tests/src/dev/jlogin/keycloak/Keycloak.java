package dev.jlogin.keycloak;

/** A running Keycloak with the sandbox realm, however it was launched. */
public interface Keycloak extends AutoCloseable {
    /** The sandbox realm's issuer URL. */
    String issuer();

    /** "process" or "container". */
    String launcher();

    @Override
    void close();

    default String userinfo() {
        return issuer() + "/protocol/openid-connect/userinfo";
    }

    default String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }
}
