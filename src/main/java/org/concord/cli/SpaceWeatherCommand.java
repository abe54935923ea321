package org.concord.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.spaceweather.AlertLifecycle;
import org.concord.spaceweather.Conditions;
import org.concord.spaceweather.DailyFlux;
import org.concord.spaceweather.DailyIndices;
import org.concord.spaceweather.GeomagneticScale;
import org.concord.spaceweather.KpInterval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "space-weather", description = "The planetary Kp of each 3-hour interval with its NOAA G-scale, the"
        + " daily F10.7 and the alerts of a window (docs/space-weather.md). Ingest indices and SWPC alerts with"
        + " concord ingest FILE.")
final class SpaceWeatherCommand implements Callable<Integer> {

    /** The longest window the table shows. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--from", description = "First day: a date such as 2024-05-10 (midnight UTC) or an ISO-8601 time."
            + " Default: 7 days before --to")
    Instant from;

    @Option(names = "--to", description = "End of the window, as --from. Default: the end of tomorrow (UTC)")
    Instant to;

    @Override
    public Integer call() {
        Instant end = to != null ? to : Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        Instant start = from != null ? from : end.minus(Duration.ofDays(7));
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("--from must be before --to, and the window at most "
                    + MAX_WINDOW.toDays() + " days");
        }
        try (Node node = parent.openNode()) {
            Conditions c = node.spaceWeather().indices(start, end, LabelFilter.UNRESTRICTED);
            print(c);
            List<AlertLifecycle.State> alerts = node.spaceWeather().alerts(start, end, LabelFilter.UNRESTRICTED);
            System.out.println(alerts.size() + " alerts issued in the window"
                    + (alerts.isEmpty() ? "" : ":"));
            for (AlertLifecycle.State s : alerts) {
                System.out.printf("  %-20s %-5s %-9s %s%s%s%n", s.alert().issuedAt(), s.alert().origin(),
                        s.alert().code(), s.alert().headline(),
                        s.endsAt().map(e -> "; until " + e).orElse(""),
                        s.cancelledAt().map(e -> "; cancelled " + e).orElse(""));
            }
        }
        return 0;
    }

    static void print(Conditions c) {
        Map<LocalDate, KpInterval[]> days = new TreeMap<>();
        for (KpInterval k : c.kp()) {
            days.computeIfAbsent(LocalDate.ofInstant(k.start(), ZoneOffset.UTC),
                    d -> new KpInterval[DailyIndices.INTERVALS])[k.start().atZone(ZoneOffset.UTC).getHour() / 3] = k;
        }
        Map<LocalDate, DailyFlux> flux = new TreeMap<>();
        c.flux().forEach(f -> flux.put(f.day(), f));
        List<LocalDate> all = new ArrayList<>(days.keySet());
        flux.keySet().stream().filter(d -> !days.containsKey(d)).forEach(all::add);
        all.sort(null);
        System.out.printf("%-10s  %-6s %-6s %-6s %-6s %-6s %-6s %-6s %-6s %-3s %8s%n", "DAY (UTC)", "00", "03", "06",
                "09", "12", "15", "18", "21", "MAX", "F10.7");
        for (LocalDate day : all) {
            KpInterval[] kp = days.getOrDefault(day, new KpInterval[DailyIndices.INTERVALS]);
            StringBuilder line = new StringBuilder(String.format("%-10s ", day));
            int max = 0;
            for (KpInterval k : kp) {
                String cell = k == null ? "." : GeomagneticScale.thirds(k.kp()) + (k.status().predicted() ? "*" : "")
                        + (k.gScale() > 0 ? " " + GeomagneticScale.name(k.gScale()) : "");
                line.append(String.format(" %-6s", cell));
                max = Math.max(max, k == null ? 0 : k.gScale());
            }
            DailyFlux f = flux.get(day);
            line.append(String.format(" %-3s %8s", max == 0 ? "-" : GeomagneticScale.name(max),
                    f == null ? "." : String.format("%.1f%s", f.observedSfu(), f.status().predicted() ? "*" : "")));
            System.out.println(line);
        }
        System.out.println("Kp in thirds (5- = 4.67) with the NOAA G-scale it reaches; * predicted; . no value");
    }
}
