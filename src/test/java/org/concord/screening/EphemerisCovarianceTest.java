package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.concord.TestNodes;
import org.concord.orbit.EarthCentredContext;
import org.concord.formats.OmmReader;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.OrbitRelativeFrame;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.CartesianCovariance;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.frames.FramesFactory;
import org.orekit.propagation.BoundedPropagator;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

/**
 * The rule that reads an OEM's covariance at a TCA, on the ISS's real element set of the bundled catalog: blocks given
 * in RTN and in GCRF come back in RTN; between two blocks the interpolation of their RTN matrices; outside the blocks,
 * none.
 */
class EphemerisCovarianceTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");

    @TempDir
    static java.nio.file.Path dir;

    static Node node;
    static BoundedPropagator trajectory;
    static AbsoluteDate t0;

    @BeforeAll
    static void ephemeris() {
        node = TestNodes.open(dir, Map.of());
        node.ingest().ingest(org.concord.ingest.IngestRequest.of("subset.tle",
                TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), "test"));
        var iss = node.catalog().latestMeanElements(25544, LabelFilter.UNRESTRICTED).orElseThrow();
        TLE tle = OmmReader.toTle(iss.format(), iss.content());
        String oem = TestOems.oem("25544", "ISS (ZARYA)", List.of(TestOems.sgp4States(tle, START,
                START.plus(Duration.ofHours(1)), Duration.ofSeconds(10))));
        OemSegment segment = new ParserBuilder(EarthCentredContext.get()).buildOemParser()
                .parseMessage(new DataSource("iss.oem", () -> new StringReader(oem))).getSegments().getFirst();
        trajectory = segment.getPropagator();
        t0 = trajectory.getMinDate().shiftedBy(600);
    }

    @AfterAll
    static void close() {
        node.close();
    }

    private static CartesianCovariance block(AbsoluteDate epoch, FrameFacade frame, double[][] c) {
        CartesianCovariance block = new CartesianCovariance(() -> frame);
        block.setEpoch(epoch);
        block.setReferenceFrame(frame);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                block.setCovarianceMatrixEntry(i, j, c[i][j]);
            }
        }
        return block;
    }

    private static void assertPositionBlock(EphemerisCovariance.At at, double[][] expected) {
        assertThat(at).isInstanceOf(EphemerisCovariance.Found.class);
        EphemerisCovariance.Found found = (EphemerisCovariance.Found) at;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(found.rtn().getEntry(i, j)).as("entry %d,%d", i, j)
                        .isCloseTo(expected[i][j], within(1e-6 * expected[1][1]));
            }
        }
    }

    @Test
    void blocksInRtnAndInGcrfComeBackInRtnAndAreInterpolatedBetween() {
        AbsoluteDate t1 = t0.shiftedBy(600);
        double[][] c0 = CovarianceOems.rtn(0);
        double[][] c1 = CovarianceOems.rtn(3600);
        PVCoordinates at1 = trajectory.getPVCoordinates(t1, FramesFactory.getGCRF());
        FrameFacade rtn = new FrameFacade(null, null, OrbitRelativeFrame.RTN, null, "RTN");
        EphemerisCovariance covariance = EphemerisCovariance.of(List.of(
                block(t1, FrameFacade.map(FramesFactory.getGCRF()), CovarianceOems.toInertial(c1, at1)),
                block(t0, rtn, c0)), trajectory, Constants.WGS84_EARTH_MU, EarthCentredContext.get().getTimeScales());

        assertPositionBlock(covariance.at(t0), c0);
        assertPositionBlock(covariance.at(t1), c1);
        double[][] quarter = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                quarter[i][j] = 0.75 * c0[i][j] + 0.25 * c1[i][j];
            }
        }
        EphemerisCovariance.At between = covariance.at(t0.shiftedBy(150));
        assertPositionBlock(between, quarter);
        assertThat(((EphemerisCovariance.Found) between).from()).contains("interpolated in RTN (weight 0.250");

        assertThat(covariance.at(t0.shiftedBy(-1))).isInstanceOfSatisfying(EphemerisCovariance.None.class,
                none -> assertThat(none.reason()).contains("outside the OEM segment's covariance epochs",
                        "never extrapolated"));
        assertThat(covariance.at(t1.shiftedBy(1))).isInstanceOf(EphemerisCovariance.None.class);
        assertThat(EphemerisCovariance.of(List.of(), trajectory, Constants.WGS84_EARTH_MU,
                EarthCentredContext.get().getTimeScales()).at(t0)).isInstanceOfSatisfying(
                EphemerisCovariance.None.class, none -> assertThat(none.reason()).contains("no usable covariance"));
    }
}
