package org.concord.spaceweather;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

import org.orekit.data.DataSource;
import org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherData;
import org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherDataLoader;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.ChronologicalComparator;
import org.orekit.time.TimeScale;

/**
 * This node's indices as Orekit's drag models read them: a {@link CssiSpaceWeatherData} (it is both the
 * {@code NRLMSISE00InputParameters} and the {@code DTM2000InputParameters} of Orekit's atmosphere models) whose
 * days come from the store instead of a CSSI file, so that Orekit's own selection and interpolation apply unchanged.
 * A day is handed over only when it has everything a CSSI line has (eight Kp and ap, the daily Ap, the six F10.7
 * values; a missing flux qualifier is 0, "measured at noon"): CelesTrak's monthly predictions, which carry no Kp, are
 * not, nor SWPC's partial days.
 */
public final class OrekitSpaceWeather {

    private OrekitSpaceWeather() {
    }

    /** Whether Orekit can use this day. */
    public static boolean complete(DailyIndices d) {
        SolarFlux f = d.flux();
        return d.kp().stream().allMatch(OptionalDouble::isPresent) && d.ap().stream().allMatch(OptionalLong::isPresent)
                && d.apDaily().isPresent() && f.observedSfu().isPresent() && f.adjustedSfu().isPresent()
                && f.observedCentered81Sfu().isPresent() && f.observedLast81Sfu().isPresent()
                && f.adjustedCentered81Sfu().isPresent() && f.adjustedLast81Sfu().isPresent();
    }

    /**
     * Orekit's space weather over these days (one per date, each {@link #complete}, in any order).
     *
     * @throws IllegalArgumentException when no day is given
     */
    public static CssiSpaceWeatherData of(List<DailyIndices> days, TimeScale utc) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no day of space weather indices that Orekit can use is stored");
        }
        List<DailyIndices> sorted = days.stream().sorted(Comparator.comparing(DailyIndices::day)).toList();
        SortedSet<CssiSpaceWeatherDataLoader.LineParameters> lines = new TreeSet<>(new ChronologicalComparator());
        AbsoluteDate lastObserved = null;
        for (DailyIndices d : sorted) {
            AbsoluteDate date = new AbsoluteDate(d.day().getYear(), d.day().getMonthValue(), d.day().getDayOfMonth(),
                    utc);
            double[] kp = d.kp().stream().mapToDouble(OptionalDouble::getAsDouble).toArray();
            double[] ap = d.ap().stream().mapToDouble(a -> (double) a.getAsLong()).toArray();
            SolarFlux f = d.flux();
            lines.add(new CssiSpaceWeatherDataLoader.LineParameters(date, kp, java.util.Arrays.stream(kp).sum(), ap,
                    d.apDaily().getAsLong(), f.adjustedSfu().getAsDouble(), (int) f.qualifier().orElse(0),
                    f.adjustedCentered81Sfu().getAsDouble(), f.adjustedLast81Sfu().getAsDouble(),
                    f.observedSfu().getAsDouble(), f.observedCentered81Sfu().getAsDouble(),
                    f.observedLast81Sfu().getAsDouble()));
            if (!d.status().predicted()) {
                lastObserved = date;
            }
        }
        return new CssiSpaceWeatherData(new DataSource("concord-store", () -> (InputStream)
                new ByteArrayInputStream(new byte[0])), new StoredLoader(utc, lines, lastObserved), utc);
    }

    /** Orekit's CSSI loader, given its lines from the store rather than from a file. */
    private static final class StoredLoader extends CssiSpaceWeatherDataLoader {

        private final SortedSet<LineParameters> lines;
        private final AbsoluteDate lastObserved;

        StoredLoader(TimeScale utc, SortedSet<LineParameters> lines, AbsoluteDate lastObserved) {
            super(utc);
            this.lines = lines;
            this.lastObserved = lastObserved == null ? lines.first().getDate() : lastObserved;
        }

        @Override
        public void loadData(InputStream input, String name) {
            setMinDate(lines.first().getDate());
            setMaxDate(lines.last().getDate());
        }

        @Override
        public SortedSet<LineParameters> getDataSet() {
            return lines;
        }

        @Override
        public AbsoluteDate getLastObservedDate() {
            return lastObserved;
        }

        @Override
        public AbsoluteDate getLastDailyPredictedDate() {
            return lines.last().getDate();
        }
    }
}
