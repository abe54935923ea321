package org.concord.orbit;

import java.time.Instant;

import org.hipparchus.util.FastMath;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;
import org.orekit.time.AbsoluteDate;

/** Orekit's frames behind {@link OutputFrame}, and the conversion of one state into a sample. */
final class FrameSet {

    final Frame teme;
    final Frame gcrf;
    final Frame itrf;
    final OneAxisEllipsoid wgs84;

    FrameSet() {
        OrekitSetup.get();
        teme = FramesFactory.getTEME();
        gcrf = FramesFactory.getGCRF();
        // without EOP data Orekit uses zero UT1-UTC and polar motion rather than failing: results are flagged
        itrf = FramesFactory.getITRF(IERSConventions.IERS_2010, true);
        wgs84 = new OneAxisEllipsoid(Constants.WGS84_EARTH_EQUATORIAL_RADIUS, Constants.WGS84_EARTH_FLATTENING, itrf);
    }

    /** The Cartesian frame a sample is computed in (ITRF for geodetic samples). */
    Frame cartesianFrame(OutputFrame frame) {
        return switch (frame) {
            case TEME -> teme;
            case GCRF -> gcrf;
            case ITRF, GEODETIC -> itrf;
        };
    }

    /** The sample of {@code pv}, already expressed in {@link #cartesianFrame(OutputFrame)}. */
    EphemerisSample sample(Instant time, AbsoluteDate date, PVCoordinates pv, OutputFrame frame) {
        if (frame == OutputFrame.GEODETIC) {
            GeodeticPoint point = wgs84.transform(pv.getPosition(), itrf, date);
            return new EphemerisSample.Geodetic(time, FastMath.toDegrees(point.getLatitude()),
                    FastMath.toDegrees(point.getLongitude()), point.getAltitude());
        }
        return new EphemerisSample.Cartesian(time, Vector3.of(pv.getPosition()), Vector3.of(pv.getVelocity()));
    }

    /** {@code pv} given in {@code from}, converted to the Cartesian frame of {@code frame}. */
    PVCoordinates convert(PVCoordinates pv, Frame from, OutputFrame frame, AbsoluteDate date) {
        Frame target = cartesianFrame(frame);
        return from == target ? pv : from.getKinematicTransformTo(target, date).transformOnlyPV(pv);
    }
}
