package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.orbit.OrekitSetup;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.data.DataContext;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.ReferenceEllipsoid;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.IERSConventions;

/** The bound {@link RotatingEarthFrame} claims against ITRF, over the calibration years. */
class RotatingEarthFrameTest {

    @Test
    void altitudeAndPlaceAreWithinTheStatedBoundOfItrf() {
        OrekitSetup.get();
        Frames frames = DataContext.getDefault().getFrames();
        Frame rotating = RotatingEarthFrame.of(frames, DataContext.getDefault().getTimeScales());
        OneAxisEllipsoid fast = ReferenceEllipsoid.getWgs84(rotating);
        OneAxisEllipsoid itrf = ReferenceEllipsoid.getWgs84(frames.getITRF(IERSConventions.IERS_2010, true));
        AbsoluteDate start = new AbsoluteDate(2019, 6, 1, DataContext.getDefault().getTimeScales().getUTC());
        double worstAltitude = 0;
        double worstAngle = 0;
        for (int i = 0; i < 2000; i++) {
            AbsoluteDate date = start.shiftedBy(i * 9_000.0);
            double lat = FastMath.toRadians(-89 + (i * 37 % 179));
            double lon = FastMath.toRadians(i * 53 % 360);
            Vector3D position = new Vector3D(6_578_000 * FastMath.cos(lat) * FastMath.cos(lon),
                    6_578_000 * FastMath.cos(lat) * FastMath.sin(lon), 6_578_000 * FastMath.sin(lat));
            GeodeticPoint a = fast.transform(position, frames.getGCRF(), date);
            GeodeticPoint b = itrf.transform(position, frames.getGCRF(), date);
            worstAltitude = Math.max(worstAltitude, Math.abs(a.getAltitude() - b.getAltitude()));
            worstAngle = Math.max(worstAngle, Vector3D.angle(a.getZenith(), b.getZenith()));
        }

        assertThat(worstAltitude).as("altitude difference, m").isLessThan(110.0);
        assertThat(FastMath.toDegrees(worstAngle)).as("angle between the zeniths, degrees").isLessThan(0.3);
    }
}
