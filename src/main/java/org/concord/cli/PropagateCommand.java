package org.concord.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.input.EphemerisInput;
import org.concord.node.Node;
import org.concord.orbit.Ephemeris;
import org.concord.orbit.EphemerisFormat;
import org.concord.orbit.PropagationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "propagate", description = "Propagate an object's latest orbit (or --orbit-id): SGP4/SDP4 for mean"
        + " elements, interpolation within an OEM's span, numerical (J2) for an OPM state.")
final class PropagateCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(paramLabel = "NORAD") long noradId;

    @Option(names = "--orbit-id", description = "Propagate this orbit record of the object instead of the latest")
    Long orbitId;

    @Option(names = "--from", description = "Start: a date such as 2024-07-05 (midnight UTC) or an ISO-8601 time"
            + " such as 2024-07-05T12:00:00Z (default: the record's epoch or span start)")
    String from;

    @Option(names = "--to", description = "End, as --from (default: one day later, or the span's end)")
    String to;

    @Option(names = "--step", defaultValue = "60s", description = "Step with its unit: 60s, 5m, 1h (default"
            + " ${DEFAULT-VALUE})")
    String step;

    @Option(names = "--frame", defaultValue = "GCRF", description = "TEME, GCRF, ITRF or GEODETIC")
    String frame;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json, oem (CCSDS OEM in KVN) or oem-xml")
    String format;

    @Override
    public Integer call() throws Exception {
        OptionArguments options = new OptionArguments().put("from", "--from", from).put("to", "--to", to)
                .put("step", "--step", step).put("frame", "--frame", frame).put("format", "--format", format);
        try (Node node = parent.openNode()) {
            OrbitRecord record = orbitId != null
                    ? node.catalog().findOrbit(orbitId, LabelFilter.UNRESTRICTED).filter(o -> o.noradId() == noradId).orElse(null)
                    : node.catalog().findObject(noradId, LabelFilter.UNRESTRICTED).flatMap(o -> o.latestOrbit()).orElse(null);
            if (record == null) {
                System.err.println(orbitId != null ? "object " + noradId + " has no orbit record " + orbitId
                        : "no object " + noradId + " in this catalog");
                return 1;
            }
            EphemerisInput input = EphemerisInput.read(options.arguments(EphemerisInput.PARAMETERS), record,
                    EphemerisFormat.CSV);
            Ephemeris ephemeris;
            try {
                ephemeris = node.propagation().propagate(record, input.request());
            } catch (PropagationException e) {
                System.err.println("propagation stopped: " + e.getMessage());
                return 3;
            }
            System.err.println("orbit " + record.id() + " (" + ephemeris.method() + "), label " + record.label()
                    + (ephemeris.approximate() ? "; APPROXIMATE: no Earth orientation data (set orekit.data)" : ""));
            System.err.println((ephemeris.elementAge().stale() ? "WARNING: " : "") + ephemeris.elementAge().describe());
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            input.format().write(ephemeris, out, node.config().party());
            out.flush();
        }
        return 0;
    }
}
