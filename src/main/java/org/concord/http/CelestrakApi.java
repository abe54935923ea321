package org.concord.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.OrbitRecord;
import org.concord.input.CelestrakQuery;
import org.concord.label.LabelFilter;
import org.concord.node.Node;

/**
 * {@code GET /NORAD/elements/gp.php}: CelesTrak's element-set query over what the caller may see (docs/api.md,
 * "Space-Track and CelesTrak compatible reads"): the newest element set of each object selected, in catalog-number
 * order; when none, CelesTrak's answer: status 404 and the plain text {@value CelestrakQuery#NO_DATA}, whatever the
 * format, for an object that does not exist and one the caller may not see alike.
 */
final class CelestrakApi {

    static final String PATH = "/NORAD/elements/gp.php";

    private final Node node;
    private final SharingService sharing;

    CelestrakApi(Node node, SharingService sharing) {
        this.node = node;
        this.sharing = sharing;
    }

    void gp(Context ctx) throws IOException {
        CelestrakQuery query = CelestrakQuery.read(RouteInputs.query(ctx));
        LabelFilter filter = Callers.filter(ctx, sharing);
        List<OrbitRecord> records = new ArrayList<>();
        if (query.noradId().isPresent()) {
            node.catalog().latestMeanElements(query.noradId().get(), filter).ifPresent(records::add);
        } else {
            node.catalogScan().eachLatestMeanElements(filter, record -> {
                if (query.admits(record)) {
                    records.add(record);
                }
            });
        }
        if (records.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result(CelestrakQuery.NO_DATA);
            return;
        }
        CompatibleReads.writeElementSets(ctx, node, query.form(), records);
    }
}
