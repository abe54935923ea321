package org.concord.cli;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.ElementSetExport;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.formats.OmmWriter;
import org.concord.input.Choices;
import org.concord.node.Node;
import org.concord.orbit.ElementAge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Print the latest mean-element orbit of an object as TLE or OMM"
        + " (a TLE that came in as a TLE goes out exactly as it came).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(paramLabel = "NORAD") long noradId;

    @Option(names = "--format", defaultValue = "tle", description = "tle, omm-kvn, omm-xml, omm-json, omm-csv")
    String format;

    @Option(names = "--omm-version", description = "The version of an OMM in KVN or XML: 3.0 (default) or 2.0")
    String ommVersion;

    @Override
    public Integer call() {
        Layout layout = Layout.parse(format);
        Optional<OmmWriter.Version> version = Optional.ofNullable(ommVersion)
                .map(v -> Choices.of("--omm-version", v, OmmWriter.Version.BY_NAME));
        try (Node node = parent.openNode()) {
            OrbitRecord latest = node.catalog().latestMeanElements(noradId, LabelFilter.UNRESTRICTED).orElse(null);
            if (latest == null) {
                System.err.println("no mean-element orbit of object " + noradId + " in this catalog");
                return 1;
            }
            System.err.println("label: " + latest.label());
            ElementAge age = node.config().staleness().assess(latest, Instant.now());
            System.err.println((age.stale() ? "WARNING: " : "") + age.describe() + " at export");
            System.out.print(ElementSetExport.export(latest, layout, List.of(age.describe() + " at export"),
                    version));
        }
        return 0;
    }
}
