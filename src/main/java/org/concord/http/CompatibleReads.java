package org.concord.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.javalin.http.Context;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.CompatibleElementSets;
import org.concord.formats.CompatibleElementSets.Form;
import org.concord.node.Node;

/**
 * What the Space-Track and CelesTrak compatible reads share: element sets written in a compatible form, each recorded
 * as exported (for the read audit, and for what an anonymous caller is charged), each OMM carrying its age as the
 * native exports do.
 */
final class CompatibleReads {

    private CompatibleReads() {
    }

    static void writeElementSets(Context ctx, Node node, Form form, List<OrbitRecord> records) throws IOException {
        Instant now = Instant.now();
        records.forEach(record -> Callers.exported(ctx, record.label()));
        ctx.contentType(form.mediaType() + "; charset=utf-8");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        CompatibleElementSets.write(out, form, records,
                record -> List.of(node.config().staleness().assess(record, now).describe() + " at export"));
    }
}
