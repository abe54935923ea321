package org.concord.conjunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.orekit.utils.PVCoordinates;

/** The screeners' allocation-free projection is Orekit's QSW local orbital frame, to 1e-9 of the miss distance. */
class RtnProjectionTest {

    @Test
    void theFastProjectionIsOrekitsQswFrame() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 10_000; i++) {
            Vector3D position = randomDirection(random).scalarMultiply(6.6e6 + random.nextDouble() * 3.6e7);
            Vector3D velocity = randomDirection(random).scalarMultiply(1.0e3 + random.nextDouble() * 1.0e4);
            Vector3D miss = randomDirection(random).scalarMultiply(Math.pow(10, -1 + random.nextDouble() * 6));
            double[] pv = {position.getX(), position.getY(), position.getZ(), velocity.getX(), velocity.getY(),
                    velocity.getZ()};

            double[] fast = RtnProjection.project(pv, miss.getX(), miss.getY(), miss.getZ());
            double[] orekit = RtnProjection.project(new PVCoordinates(position, velocity), miss);

            double tolerance = 1e-9 * miss.getNorm();
            for (int axis = 0; axis < 3; axis++) {
                assertThat(fast[axis]).as("axis %d of sample %d", axis, i).isCloseTo(orekit[axis], within(tolerance));
            }
        }
    }

    @Test
    void radialInTrackAndCrossTrackPointWhereTheirNamesSay() {
        double[] pv = {7.0e6, 0, 0, 0, 7.5e3, 0};

        assertThat(RtnProjection.project(pv, 1, 0, 0)).containsExactly(1, 0, 0);
        assertThat(RtnProjection.project(pv, 0, 1, 0)).containsExactly(0, 1, 0);
        assertThat(RtnProjection.project(pv, 0, 0, 1)).containsExactly(0, 0, 1);
        assertThat(RtnProjection.project(new PVCoordinates(new Vector3D(7.0e6, 0, 0), new Vector3D(0, 7.5e3, 0)),
                new Vector3D(2, 3, 5))).containsExactly(2, 3, 5);
    }

    private static Vector3D randomDirection(Random random) {
        return new Vector3D(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()).normalize();
    }
}
