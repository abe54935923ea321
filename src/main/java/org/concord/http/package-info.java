/**
 * The node's HTTP API, {@code /api/v1} (Javalin): the route table, authentication, rate limiting, the read audit,
 * the error mapping, the JSON views and the OpenAPI document, with thin handlers per area over the node's services.
 * It also serves the analyst console's static page and modules ({@code public/}, {@link ConsoleRoutes}).
 * <p>An adapter: may depend on the composition root ({@code node}) and the domain packages; never on {@code cli},
 * {@code store} or the database libraries. Nothing but the adapters depends on it.
 */
package org.concord.http;
