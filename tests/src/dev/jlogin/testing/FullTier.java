package dev.jlogin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class of the full tier: it runs other programs (the scripts through JBang, Keycloak, a
 * browser, git, kubectl, a proxy, a platform stand-in) or runs long (crash runs, races of many
 * processes). {@code ./test} and CI run it; plain {@code mvn test}, the fast tier, leaves out the
 * tag {@value #TAG}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("full")
public @interface FullTier {
    String TAG = "full";
}
