/**
 * The {@code concord} command line (picocli): one thin adapter per subcommand over the node's services, reading its
 * options by the same rules as the HTTP API's parameters ({@code input}).
 * <p>An adapter: may depend on the composition root ({@code node}), the domain packages and, to start the server,
 * {@code http}; never on {@code store} or the database libraries. Nothing but the adapters depends on it.
 */
package org.concord.cli;
