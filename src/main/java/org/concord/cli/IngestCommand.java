package org.concord.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.spaceweather.SpaceWeatherFormat;
import org.concord.spaceweather.SpaceWeatherReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", description = "Ingest orbit messages (TLE, OMM KVN/XML/JSON/CSV, OEM, OPM), a SATCAT"
        + " CSV, or space weather (CelesTrak SW-All CSV, CSSI, SWPC Kp, 10.7 cm flux or alerts JSON); the format is"
        + " detected from the content. Each file is stored all or nothing.")
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--label", paramLabel = "SPEC", description = "Label for these files, e.g."
            + " 'originator=GBR;rel=REL TO GBR,USA;tlp=AMBER;caveats=PROPIN;expires=2027-01-01T00:00:00Z'"
            + " (keys not given come from the configured label of the source)")
    String label;

    @Option(names = "--skip-invalid", description = "Store the valid records of a file and report the invalid ones,"
            + " instead of rejecting the whole file")
    boolean skipInvalid;

    @Option(names = "--object", paramLabel = "NORAD", description = "Catalog number for OEM/OPM messages whose"
            + " OBJECT_ID is not in the catalog")
    Long object;

    @Option(names = "--as", paramLabel = "WHO", description = "Who ingests (recorded in the provenance)."
            + " Default: the operating-system user")
    String ingestedBy;

    @Override
    public Integer call() {
        int failures = 0;
        try (Node node = parent.openNode()) {
            String who = ingestedBy != null ? ingestedBy : "cli:" + System.getProperty("user.name", "unknown");
            for (Path file : files) {
                String name = file.toString();
                try {
                    long size = Files.size(file);
                    if (size > node.config().ingestMaxBytes()) {
                        throw new InputRejectedException(InputError.inFile(name, "size", "the file is " + size
                                + " bytes, over this node's limit of " + node.config().ingestMaxBytes()
                                + " bytes (configuration ingest.max-bytes)"));
                    }
                    Optional<Label> explicit = Optional.ofNullable(label)
                            .map(spec -> Label.parse(spec, node.ingest().labels().labelFor(name)));
                    byte[] content = Files.readAllBytes(file);
                    if (SpaceWeatherFormat.detect(new String(content, StandardCharsets.UTF_8)).isPresent()) {
                        if (skipInvalid || object != null) {
                            throw new InputRejectedException(InputError.inFile(name, "options", "a space weather"
                                    + " file is stored whole: --skip-invalid and --object do not apply to it"));
                        }
                        SpaceWeatherReport report = node.ingestSpaceWeatherAudited(name, content,
                                explicit.orElseGet(() -> node.ingest().labels().labelFor(name)), who, who,
                                Optional.of(node.config().party()));
                        System.out.println(report.summary());
                        report.raised().forEach(a -> System.out.println("  alert raised: " + a.headline()));
                        continue;
                    }
                    IngestReport report = node.ingestAudited(new IngestRequest(name, content,
                            explicit, who, skipInvalid, Optional.ofNullable(object)), who,
                            Optional.of(node.config().party()));
                    System.out.println(report.summary());
                    report.warnings().forEach(w -> System.out.println("  warning: " + w));
                    report.errors().forEach(e -> System.out.println("  skipped: " + e));
                } catch (InputRejectedException e) {
                    failures++;
                    System.err.println(name + ": rejected, nothing stored:");
                    e.errors().forEach(error -> System.err.println("  " + error));
                } catch (IOException e) {
                    failures++;
                    System.err.println(name + ": cannot read: " + e.getMessage());
                }
            }
        }
        return failures == 0 ? 0 : 2;
    }
}
