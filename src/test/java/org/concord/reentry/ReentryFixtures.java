package org.concord.reentry;

import java.util.List;

import org.concord.formats.OmmReader;
import org.concord.node.Node;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.spaceweather.IndicesKind;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Re-entry predictions on a test node for tests outside this package: a node's own service predicts without space
 * weather (a test node has no orekit-data directory, and Orekit's is one per process), so this one is fed the
 * calibration fixtures' CSSI space weather, like {@code ReentryServiceTest}.
 */
public final class ReentryFixtures {

    /** A Falcon 9 debris of the 2019-12 catalog that re-entered days after its element set (a window prediction). */
    public static final long DEBRIS = 44775;

    /**
     * ALTAIR PATHFINDER (51.6°) of the 2019-12 catalog, whose element set of 2019-12-07 13:06 gives a window of hours,
     * and so a ground track and the states under it ({@code ReentryGroundTrackTest}).
     */
    public static final long ALTAIR = 42711;

    private ReentryFixtures() {
    }

    /** ALTAIR PATHFINDER's element set of 2019-12-07, the day before it re-entered. */
    public static TLE altairSet() {
        return DecayCases.load().stream().filter(c -> c.noradId() == ALTAIR).findFirst().orElseThrow().elements();
    }

    /** The debris' element sets, oldest first: its newest set moved 3 days back, then the newest. */
    public static List<TLE> debrisSets() {
        TLE newest = DecayCases.load().stream().filter(c -> c.noradId() == DEBRIS).findFirst().orElseThrow()
                .elements();
        return List.of(ReentryPredictorTest.olderSet(newest), newest);
    }

    /** The node's re-entry service, fed the fixtures' space weather, storing under the node's party. */
    public static ReentryService service(Node node) {
        return new ReentryService(node.catalog(), MeanElementsDecoder.withOmm(OmmReader::toTle),
                weather -> DecayCases.predictor(), ReentryFixtures::noStoredWeather, node.productService(),
                node.sharing().nodeParty());
    }

    /** No stored space weather: the fixtures' predictor reads its own. */
    public static StoredSpaceWeather noStoredWeather() {
        return StoredSpaceWeather.none(IndicesKind.INSTANCE.code(), "none");
    }
}
