package org.concord.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.input.ObjectSearch;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "objects", description = "Search the catalog. Ranges are inclusive; sort by noradId, name, epoch,"
        + " perigee, apogee, inclination or period (prefix '-' for descending).")
final class ObjectsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--norad", split = ",", paramLabel = "ID") List<String> noradIds = List.of();
    @Option(names = "--designator", paramLabel = "COSPAR", description = "e.g. 1998-067A, or 1998-067* for a launch")
    String designator;
    @Option(names = "--name", description = "Name contains (case-insensitive)") String name;
    @Option(names = "--type", description = "PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN") String objectType;
    @Option(names = "--owner", description = "Owner's party code, e.g. USA, CHN, RUS, ESA (a SATCAT code such as US"
            + " or PRC is taken as its party code; docs/satcat.md)") String owner;
    @Option(names = "--perigee-min-km") String perigeeMin;
    @Option(names = "--perigee-max-km") String perigeeMax;
    @Option(names = "--apogee-min-km") String apogeeMin;
    @Option(names = "--apogee-max-km") String apogeeMax;
    @Option(names = "--inclination-min-deg") String inclinationMin;
    @Option(names = "--inclination-max-deg") String inclinationMax;
    @Option(names = "--period-min-minutes") String periodMin;
    @Option(names = "--period-max-minutes") String periodMax;
    @Option(names = "--max-epoch-age-days") String maxEpochAgeDays;
    @Option(names = "--sort", defaultValue = "noradId") String sort;
    @Option(names = "--limit", defaultValue = "50") String limit;
    @Option(names = "--cursor") String cursor;

    @Override
    public Integer call() {
        ObjectQuery query = ObjectSearch.read(new OptionArguments()
                .put("noradId", "--norad", noradIds.isEmpty() ? null : String.join(",", noradIds))
                .put("designator", "--designator", designator).put("name", "--name", name)
                .put("objectType", "--type", objectType).put("owner", "--owner", owner)
                .put("perigeeMinKm", "--perigee-min-km", perigeeMin).put("perigeeMaxKm", "--perigee-max-km", perigeeMax)
                .put("apogeeMinKm", "--apogee-min-km", apogeeMin).put("apogeeMaxKm", "--apogee-max-km", apogeeMax)
                .put("inclinationMinDeg", "--inclination-min-deg", inclinationMin)
                .put("inclinationMaxDeg", "--inclination-max-deg", inclinationMax)
                .put("periodMinMinutes", "--period-min-minutes", periodMin)
                .put("periodMaxMinutes", "--period-max-minutes", periodMax)
                .put("maxEpochAgeDays", "--max-epoch-age-days", maxEpochAgeDays).put("sort", "--sort", sort)
                .put("limit", "--limit", limit).put("cursor", "--cursor", cursor)
                .arguments(ObjectSearch.PARAMETERS), Instant.now());
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
}
