package dev.bazaar.common.http;

import java.io.IOException;

/** Answers a request that the {@link SecureHttpServer} let through: route matched, caller allowed. */
@FunctionalInterface
public interface RouteHandler {

    Response handle(RouteRequest request) throws IOException;
}
