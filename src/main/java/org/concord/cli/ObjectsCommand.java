package org.concord.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "objects", description = "Search the catalog. Ranges are inclusive; sort by noradId, name, epoch,"
        + " perigee, apogee, inclination or period (prefix '-' for descending).")
final class ObjectsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--norad", split = ",", paramLabel = "ID") List<Long> noradIds = List.of();
    @Option(names = "--designator", paramLabel = "COSPAR", description = "e.g. 1998-067A, or 1998-067* for a launch")
    String designator;
    @Option(names = "--name", description = "Name contains (case-insensitive)") String name;
    @Option(names = "--type", description = "PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN") String objectType;
    @Option(names = "--owner", description = "Owner's party code, e.g. USA, CHN, RUS, ESA (a SATCAT code such as US"
            + " or PRC is taken as its party code; docs/satcat.md)") String owner;
    @Option(names = "--perigee-min-km") Double perigeeMin;
    @Option(names = "--perigee-max-km") Double perigeeMax;
    @Option(names = "--apogee-min-km") Double apogeeMin;
    @Option(names = "--apogee-max-km") Double apogeeMax;
    @Option(names = "--inclination-min-deg") Double inclinationMin;
    @Option(names = "--inclination-max-deg") Double inclinationMax;
    @Option(names = "--period-min-minutes") Double periodMin;
    @Option(names = "--period-max-minutes") Double periodMax;
    @Option(names = "--max-epoch-age-days") Double maxEpochAgeDays;
    @Option(names = "--sort", defaultValue = "noradId") String sort;
    @Option(names = "--limit", defaultValue = "50") int limit;
    @Option(names = "--cursor") String cursor;

    @Override
    public Integer call() {
        boolean descending = sort.startsWith("-");
        ObjectQuery query = new ObjectQuery(noradIds, Optional.ofNullable(designator), Optional.ofNullable(name),
                Optional.ofNullable(objectType), Optional.ofNullable(owner), range(perigeeMin, perigeeMax),
                range(apogeeMin, apogeeMax), range(inclinationMin, inclinationMax), range(periodMin, periodMax),
                Optional.ofNullable(maxEpochAgeDays).map(d -> Duration.ofSeconds(Math.round(d * 86400))),
                Instant.now(), SortKey.parse(descending ? sort.substring(1) : sort), descending, limit,
                Optional.ofNullable(cursor));
        try (Node node = parent.openNode()) {
            Page<SpaceObject> page = node.catalog().findObjects(query, LabelFilter.UNRESTRICTED);
            System.out.printf("%-9s %-24s %-11s %-11s %-5s %-20s %9s %9s %7s %8s  %s%n", "NORAD", "NAME",
                    "COSPAR", "TYPE", "OWNER", "EPOCH", "PERIG_KM", "APOG_KM", "INC_DEG", "PER_MIN", "LABEL");
            for (SpaceObject o : page.items()) {
                var orbit = o.latestOrbit().orElseThrow();
                System.out.printf("%-9d %-24.24s %-11s %-11.11s %-5.5s %-20.20s %9.1f %9.1f %7.2f %8.2f  %s%n",
                        o.noradId(), o.name(), o.internationalDesignator().orElse("-"),
                        o.satcat().map(s -> s.objectType()).orElse("-"), o.satcat().flatMap(s -> s.ownerParty()).orElse("-"),
                        orbit.epoch().toString(), orbit.summary().perigeeAltitudeKm(),
                        orbit.summary().apogeeAltitudeKm(), orbit.summary().inclinationDeg(),
                        orbit.summary().periodMinutes(), orbit.label().releasability() + " TLP:"
                                + orbit.label().tlp().code());
            }
            System.out.println(page.items().size() + " of " + page.total() + " matching objects"
                    + page.nextCursor().map(c -> "; next page: --cursor " + c).orElse(""));
        }
        return 0;
    }

    private static Range range(Double min, Double max) {
        return new Range(Optional.ofNullable(min), Optional.ofNullable(max));
    }
}
