package dev.jlogin.keycloak;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one Keycloak for the whole run (starting it is the slow part), stopped when the
 * run ends. Use with {@code @ExtendWith(SharedKeycloak.class)} and a {@link Keycloak} parameter.
 */
public final class SharedKeycloak implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Keycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedKeycloak.class))
                .getOrComputeIfAbsent("keycloak", key -> new Resource(KeycloakLauncher.start(KeycloakLauncher.choose())),
                        Resource.class).keycloak;
    }

    private record Resource(Keycloak keycloak) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            keycloak.close();
        }
    }
}
