package org.concord.cli;

import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "object", description = "Show one object: SATCAT entry, latest orbit, labels and provenance.")
final class ObjectCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(paramLabel = "NORAD") long noradId;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            SpaceObject o = node.catalog().findObject(noradId, LabelFilter.UNRESTRICTED).orElse(null);
            if (o == null) {
                System.err.println("no object " + noradId + " in this catalog");
                return 1;
            }
            System.out.println(o.noradId() + "  " + o.name() + "  " + o.internationalDesignator().orElse("-"));
            o.satcat().ifPresent(s -> {
                System.out.println("SATCAT: type " + s.objectType() + ", owner " + s.ownerParty().orElse("unknown")
                        + s.owner().map(code -> " (SATCAT " + code + ")").orElse("") + ", launched "
                        + s.launchDate().map(Object::toString).orElse("-") + " from "
                        + s.launchSite().orElse("-") + ", decayed " + s.decayDate().map(Object::toString).orElse("-")
                        + ", RCS " + s.rcsSize().orElse("-"));
                if (!s.unknownFields().isEmpty()) {
                    System.out.println("        unknown: " + String.join(", ", s.unknownFields()));
                }
                System.out.println("        label " + s.label() + "; from " + s.provenance().sourceName());
                if (!s.fieldSources().isEmpty()) {
                    System.out.println("        fields from: " + s.fieldSources().entrySet().stream().sorted(
                            java.util.Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")));
                }
            });
            o.latestOrbit().ifPresent(latest -> {
                printOrbit(latest);
                System.out.println("        latest by " + node.catalog().latestOrbitChoice(latest,
                        LabelFilter.UNRESTRICTED).reason());
            });
        }
        return 0;
    }

    static void printOrbit(OrbitRecord r) {
        System.out.printf("orbit %d: epoch %s, %s (%s), perigee %.1f km, apogee %.1f km, inclination %.3f deg,"
                        + " period %.2f min%n", r.id(), r.epoch(), r.kind(), r.format(), r.summary().perigeeAltitudeKm(),
                r.summary().apogeeAltitudeKm(), r.summary().inclinationDeg(), r.summary().periodMinutes());
        System.out.println("        label " + r.label());
        System.out.println("        from " + r.provenance().sourceName() + " line " + r.sourceLine() + " (sha256 "
                + r.provenance().sourceSha256() + "), ingested " + r.provenance().ingestedAt() + " by "
                + r.provenance().ingestedBy());
    }
}
