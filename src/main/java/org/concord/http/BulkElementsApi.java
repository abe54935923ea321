package org.concord.http;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.input.Arguments;
import org.concord.formats.ElementSetStream;
import org.concord.formats.OmmWriter;
import org.concord.formats.RenderedEntries;
import org.concord.node.Node;

/**
 * {@code GET /api/v1/elements}: the newest element set of every object the caller may see, in one document, streamed
 * as the rows are read. Charged like any answer: an anonymous caller pays one token of its rate for every hundred
 * element sets (docs/api.md), so a whole-catalog export keeps its address waiting before the next request.
 */
final class BulkElementsApi {

    private final Node node;
    private final SharingService sharing;
    /** The JSON and CSV entries already written, by record id: rendering only, the rows are read on every request. */
    private final RenderedEntries rendered;

    BulkElementsApi(Node node, SharingService sharing) {
        this(node, sharing, new RenderedEntries(RenderedEntries.DEFAULT_MAX_CHARS));
    }

    BulkElementsApi(Node node, SharingService sharing, RenderedEntries rendered) {
        this.node = node;
        this.sharing = sharing;
        this.rendered = rendered;
    }

    void elements(Context ctx) throws java.io.IOException {
        Arguments query = RouteInputs.query(ctx);
        Layout layout = Layout.parse(query.text("format", 64).orElse("tle"));
        Optional<OmmWriter.Version> ommVersion = query.choice("ommVersion", OmmWriter.Version.BY_NAME);
        Instant now = Instant.now();
        ctx.contentType(layout.mediaType() + "; charset=utf-8");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        try (ElementSetStream stream = ElementSetStream.open(out, layout, ommVersion, rendered)) {
            node.catalogScan().eachLatestMeanElements(Callers.filter(ctx, sharing), record -> {
                Callers.exported(ctx, record.label());
                stream.write(record, List.of(node.config().staleness().assess(record, now).describe()
                        + " at export"));
            });
        }
    }
}
