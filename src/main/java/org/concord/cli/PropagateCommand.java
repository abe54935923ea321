package org.concord.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.node.Node;
import org.concord.orbit.Ephemeris;
import org.concord.orbit.EphemerisFormat;
import org.concord.orbit.OutputFrame;
import org.concord.orbit.PropagationException;
import org.concord.orbit.PropagationRequest;
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

    @Option(names = "--from", description = "ISO-8601 UTC start (default: the record's epoch or span start)")
    Instant from;

    @Option(names = "--to", description = "ISO-8601 UTC end (default: one day later, or the span's end)")
    Instant to;

    @Option(names = "--step", defaultValue = "60", description = "Step in seconds (default ${DEFAULT-VALUE})")
    double stepSeconds;

    @Option(names = "--frame", defaultValue = "GCRF", description = "TEME, GCRF, ITRF or GEODETIC")
    String frame;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or oem")
    String format;

    @Override
    public Integer call() throws Exception {
        OutputFrame outputFrame = OutputFrame.valueOf(frame.toUpperCase(Locale.ROOT));
        EphemerisFormat outputFormat = format.equalsIgnoreCase("oem") ? EphemerisFormat.OEM_KVN
                : EphemerisFormat.valueOf(format.toUpperCase(Locale.ROOT));
        try (Node node = parent.openNode()) {
            OrbitRecord record = orbitId != null
                    ? node.catalog().findOrbit(orbitId, LabelFilter.UNRESTRICTED).filter(o -> o.noradId() == noradId).orElse(null)
                    : node.catalog().findObject(noradId, LabelFilter.UNRESTRICTED).flatMap(o -> o.latestOrbit()).orElse(null);
            if (record == null) {
                System.err.println(orbitId != null ? "object " + noradId + " has no orbit record " + orbitId
                        : "no object " + noradId + " in this catalog");
                return 1;
            }
            Instant start = from != null ? from : record.coverage().map(OrbitRecord.TimeSpan::start)
                    .orElse(record.epoch());
            Instant end = to != null ? to : record.coverage().map(OrbitRecord.TimeSpan::stop)
                    .filter(stop -> stop.isBefore(start.plus(Duration.ofDays(1))))
                    .orElse(start.plus(Duration.ofDays(1)));
            if (!(stepSeconds > 0)) {
                throw new IllegalArgumentException("--step must be a positive number of seconds");
            }
            Ephemeris ephemeris;
            try {
                ephemeris = node.propagation().propagate(record, new PropagationRequest(start, end,
                        Duration.ofNanos(Math.round(stepSeconds * 1e9)), outputFrame));
            } catch (PropagationException e) {
                System.err.println("propagation stopped: " + e.getMessage());
                return 3;
            }
            System.err.println("orbit " + record.id() + " (" + ephemeris.method() + "), label " + record.label()
                    + (ephemeris.approximate() ? "; APPROXIMATE: no Earth orientation data (set orekit.data)" : ""));
            System.err.println((ephemeris.elementAge().stale() ? "WARNING: " : "") + ephemeris.elementAge().describe());
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            outputFormat.write(ephemeris, out, node.config().party());
            out.flush();
        }
        return 0;
    }
}
