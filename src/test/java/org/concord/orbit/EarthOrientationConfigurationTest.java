package org.concord.orbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An operator's orekit-data directory (here one with IERS finals2000A.all) loads Earth orientation parameters, and
 * ITRF results stop being approximate. Orekit's data context is process-wide, so this runs in a JVM of its own.
 */
class EarthOrientationConfigurationTest {

    private static final String TLE = "1 25544U 98067A   20337.50000000  .00001264  00000-0  31162-4 0  9991\n"
            + "2 25544  51.6455 240.3011 0001810 104.5893  17.5768 15.49052536258544";

    /** Run in a fresh JVM: prints whether EOP loaded and the ITRF position with and without it. */
    public static void main(String[] args) {
        OrekitSetup setup = OrekitSetup.initialize(args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[0])));
        org.concord.catalog.OrbitRecord record = OrbitRecords.record(org.concord.catalog.SourceFormat.TLE, 25544,
                "ISS (ZARYA)", "1998-067A", TLE);
        Ephemeris itrf = new PropagationService().propagate(record, Instant.parse("2020-12-02T12:00:00Z"),
                Instant.parse("2020-12-02T12:00:00Z"), java.time.Duration.ofSeconds(60), OutputFrame.ITRF);
        EphemerisSample.Cartesian sample = (EphemerisSample.Cartesian) itrf.samples().get(0);
        System.out.println(setup.earthOrientationLoaded() + " " + itrf.approximate() + " "
                + sample.positionMeters().x() + " " + sample.positionMeters().y() + " " + sample.positionMeters().z());
    }

    @Test
    void anOrekitDataDirectoryLoadsEarthOrientationAndItrfIsNoLongerApproximate() throws Exception {
        Path dir = Path.of(getClass().getResource("/orekit-data-eop/finals2000A.all").toURI()).getParent();
        String[] withEop = run(dir.toString()).trim().split(" ");
        String[] without = run(null).trim().split(" ");
        assertThat(withEop[0]).isEqualTo("true");
        assertThat(withEop[1]).isEqualTo("false");
        assertThat(without[0]).isEqualTo("false");
        assertThat(without[1]).isEqualTo("true");
        double dx = Double.parseDouble(withEop[2]) - Double.parseDouble(without[2]);
        double dy = Double.parseDouble(withEop[3]) - Double.parseDouble(without[3]);
        double dz = Double.parseDouble(withEop[4]) - Double.parseDouble(without[4]);
        double difference = Math.sqrt(dx * dx + dy * dy + dz * dz);
        // UT1-UTC was about -0.18 s in December 2020: the Earth turns ~80 m at the ISS radius in that time
        assertThat(difference).isBetween(20.0, 500.0);
    }

    private static String run(String orekitData) throws IOException, InterruptedException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EarthOrientationConfigurationTest.class.getName()));
        if (orekitData != null) {
            command.add(orekitData);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out.lines().reduce((a, b) -> b).orElse("");
    }
}
