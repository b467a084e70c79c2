package dev.outpost.http;

import io.javalin.config.RoutesConfig;

/** A group of endpoints. Implementations receive their services in the constructor and only do I/O. */
public interface Routes {
    /** Registers this group's endpoints. */
    void register(RoutesConfig routes);
}
