package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

/** The assumption behind {@link EphemerisScreener}'s span-wide radial filter, on the bundled catalog. */
class EphemerisScreenerTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");
    private static final double WEEK_SECONDS = 7 * 86400.0;
    private static final double SAMPLE_SECONDS = 1800.0;

    @Test
    void sgp4RadiiStayWithinTheOsculatingShellsOfTheWindowEndsWidenedByTheMargin() throws IOException {
        OrekitSetup.get();
        List<ScreeningObject> catalog = BundledCatalog.read(Integer.MAX_VALUE);
        BatchSgp4 kernel = BatchSgp4.of(catalog.stream().map(ScreeningObject::tle).toList(),
                new AbsoluteDate(START, TimeScalesFactory.getUTC()));
        AtomicInteger checked = new AtomicInteger();
        double worst = IntStream.range(0, catalog.size()).parallel().mapToDouble(j -> {
            double[] state = new double[6];
            double perigee = Double.POSITIVE_INFINITY;
            double apogee = 0;
            for (double t : new double[] {0, WEEK_SECONDS}) {
                if (kernel.propagate(j, t, state, 0) != 0) {
                    return 0; // the screener keeps it whole: no shell to check
                }
                double[] shell = EphemerisScreener.osculatingShell(state);
                perigee = Math.min(perigee, shell[0]);
                apogee = Math.max(apogee, shell[1]);
            }
            checked.incrementAndGet();
            double excess = 0;
            for (double t = 0; t <= WEEK_SECONDS; t += SAMPLE_SECONDS) {
                if (kernel.propagate(j, t, state, 0) != 0 || kernel.accelerationBound(j, t, t,
                        Screener.MAX_ACCELERATION) > Screener.NON_PHYSICAL_ACCELERATION) {
                    break; // excluded from here on by the screener
                }
                double r = Screener.norm(state[0], state[1], state[2]);
                excess = Math.max(excess, Math.max(perigee - r, r - apogee));
            }
            return excess / EphemerisScreener.shellMargin(apogee);
        }).max().orElseThrow();
        System.out.printf("%d objects: the SGP4 radius leaves the osculating shell of the window's ends by at most"
                + " %.2f of the margin%n", checked.get(), worst);
        assertThat(checked.get()).isGreaterThan(26_000);
        assertThat(worst).isLessThan(1.0);
    }
}
