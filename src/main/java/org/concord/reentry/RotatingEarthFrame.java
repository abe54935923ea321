package org.concord.reentry;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.FieldRotation;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.frames.FieldTransform;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.frames.Transform;
import org.orekit.frames.TransformProvider;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScalarFunction;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;

/**
 * The Earth-fixed frame the decay propagation evaluates the atmosphere and the re-entry altitude in: GCRF turned
 * about its Z axis by the Earth rotation angle (IERS 2010), without precession, nutation or polar motion.
 * <p>
 * Why: the density and the altitude depend on where the object is over the rotating Earth, which this gives to
 * within the precession since J2000 (0.3° in 2020, about 30 km on the ground at most) and UT1-UTC (under a second).
 * A geodetic latitude 0.3° off changes the altitude over the ellipsoid by at most 110 m and the density by much less
 * than its own uncertainty (tens of per cent). ITRF itself would compute the precession-nutation series at every
 * hour the propagation sweeps through, which made two thirds of a prediction's time. The ground track and the
 * overflown states use ITRF.
 */
final class RotatingEarthFrame {

    private RotatingEarthFrame() {
    }

    static Frame of(Frames frames, TimeScales timeScales) {
        TimeScalarFunction angle = IERSConventions.IERS_2010.getEarthOrientationAngleFunction(
                timeScales.getUT1(IERSConventions.IERS_2010, true), timeScales.getTAI());
        return new Frame(frames.getGCRF(), new TransformProvider() {
            @Override
            public Transform getTransform(AbsoluteDate date) {
                return new Transform(date, new Rotation(Vector3D.PLUS_K, angle.value(date),
                        RotationConvention.FRAME_TRANSFORM), new Vector3D(0, 0, Constants.WGS84_EARTH_ANGULAR_VELOCITY));
            }

            @Override
            public <T extends CalculusFieldElement<T>> FieldTransform<T> getTransform(FieldAbsoluteDate<T> date) {
                T zero = date.getField().getZero();
                return new FieldTransform<>(date, new FieldRotation<>(FieldVector3D.getPlusK(date.getField()),
                        angle.value(date), RotationConvention.FRAME_TRANSFORM),
                        new FieldVector3D<>(zero, zero, zero.newInstance(Constants.WGS84_EARTH_ANGULAR_VELOCITY)));
            }
        }, "Earth rotation angle about the GCRF Z axis", false);
    }
}
