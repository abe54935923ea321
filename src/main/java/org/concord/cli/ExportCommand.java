package org.concord.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.ElementSetExport;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.formats.ElementSetStream;
import org.concord.formats.OmmWriter;
import org.concord.input.Choices;
import org.concord.node.Node;
import org.concord.orbit.ElementAge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Print the latest mean-element orbit of an object as TLE or OMM"
        + " (a TLE that came in as a TLE goes out exactly as it came); with --all, of every object, streamed.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(paramLabel = "NORAD", arity = "0..1", description = "The object's catalog number (or --all)")
    Long noradId;

    @Option(names = "--all", description = "Every object's latest mean-element orbit, in one document: TLEs or OMMs"
            + " one after another, OMM XML as one NDM, OMM JSON as one array, OMM CSV under one header")
    boolean all;

    @Option(names = "--format", defaultValue = "tle", description = "tle, omm-kvn, omm-xml, omm-json, omm-csv")
    String format;

    @Option(names = "--omm-version", description = "The version of an OMM in KVN or XML: 3.0 (default) or 2.0")
    String ommVersion;

    @Override
    public Integer call() {
        Layout layout = Layout.parse(format);
        Optional<OmmWriter.Version> version = Optional.ofNullable(ommVersion)
                .map(v -> Choices.of("--omm-version", v, OmmWriter.Version.BY_NAME));
        if (all == (noradId != null)) {
            System.err.println("name one object (export NORAD) or --all, not " + (all ? "both" : "neither"));
            return 2;
        }
        try (Node node = parent.openNode()) {
            return all ? exportAll(node, layout, version) : exportOne(node, layout, version);
        }
    }

    private Integer exportOne(Node node, Layout layout, Optional<OmmWriter.Version> version) {
        OrbitRecord latest = node.catalog().latestMeanElements(noradId, LabelFilter.UNRESTRICTED).orElse(null);
        if (latest == null) {
            System.err.println("no mean-element orbit of object " + noradId + " in this catalog");
            return 1;
        }
        System.err.println("label: " + latest.label());
        ElementAge age = node.config().staleness().assess(latest, Instant.now());
        System.err.println((age.stale() ? "WARNING: " : "") + age.describe() + " at export");
        System.out.print(ElementSetExport.export(latest, layout, List.of(age.describe() + " at export"), version));
        return 0;
    }

    private static Integer exportAll(Node node, Layout layout, Optional<OmmWriter.Version> version) {
        Instant now = Instant.now();
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        long stale;
        long written;
        try (ElementSetStream stream = ElementSetStream.open(out, layout, version)) {
            long[] staleCount = {0};
            node.catalogScan().eachLatestMeanElements(LabelFilter.UNRESTRICTED, record -> {
                ElementAge age = node.config().staleness().assess(record, now);
                if (age.stale()) {
                    staleCount[0]++;
                }
                stream.write(record, List.of(age.describe() + " at export"));
            });
            stale = staleCount[0];
            written = stream.written();
        }
        System.err.println(written + " element sets written, " + stale + " of them stale (docs/staleness.md); they"
                + " keep their labels, which the export does not carry: share it only as they allow");
        return 0;
    }
}
