package dev.outpost.account;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the object a request acts on from its region and path parameters (e.g. a proposal from {@code {id}}), so
 * that the authorizer can check its district and author before the handler runs. Registered with the {@link
 * Authorizer} under the name an {@link AccessRule#target()} refers to. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TargetResolver {
    /** The target, or empty when it does not exist (the handler then answers 404). */
    Optional<Target> resolve(String regionCode, Map<String, String> pathParams);
}
