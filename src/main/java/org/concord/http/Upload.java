package org.concord.http;

import io.javalin.http.Context;
import org.concord.access.Principal;
import org.concord.ingest.Uploader;
import org.concord.input.Arguments;
import org.concord.label.Label;
import org.concord.node.Node;

/**
 * An upload's caller (authenticated), its query, its name ({@code name}, else "upload") and the label it is stored
 * under ({@code label}, else the source's rule, else private to the uploader's party and the node's).
 */
record Upload(Principal principal, Arguments query, String name, Label label) {

    static Upload of(Context ctx, Node node) {
        Principal principal = Callers.requireAuthenticated(ctx);
        Uploader uploader = Uploader.of(principal, node.config().party());
        Arguments query = RouteInputs.query(ctx);
        String name = query.text("name", 512).orElse("upload");
        return new Upload(principal, query, name, uploader.labelFor(name, query.text("label", 8192),
                node.ingest().labels(), node.config().party()));
    }
}
