package org.concord.orbit;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.orekit.bodies.CelestialBodies;
import org.orekit.bodies.CelestialBody;
import org.orekit.data.DataContext;
import org.orekit.forces.gravity.potential.GravityFields;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.GeoMagneticFields;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * Orekit's default data context, except that the Earth is the centre of GCRF rather than a body read from JPL
 * ephemerides. Orekit's CCSDS parsers and writers look the CENTER_NAME body up in the data context, and the default
 * one loads the Earth from JPL DE files, which Concord does not ship; an Earth-centred message needs no ephemeris.
 * Any other centre (Moon, Mars, ...) still goes to the default context and fails without DE files.
 */
final class EarthOnlyDataContext implements DataContext {

    private static final EarthOnlyDataContext INSTANCE = new EarthOnlyDataContext();

    private final DataContext delegate = DataContext.getDefault();
    private final CelestialBody earth = new Earth(delegate.getFrames());
    private final CelestialBodies bodies = new EarthOnlyBodies(delegate.getCelestialBodies(), earth);

    static DataContext get() {
        OrekitSetup.get();
        return INSTANCE;
    }

    @Override
    public TimeScales getTimeScales() {
        return delegate.getTimeScales();
    }

    @Override
    public Frames getFrames() {
        return delegate.getFrames();
    }

    @Override
    public CelestialBodies getCelestialBodies() {
        return bodies;
    }

    @Override
    public GravityFields getGravityFields() {
        return delegate.getGravityFields();
    }

    @Override
    public GeoMagneticFields getGeoMagneticFields() {
        return delegate.getGeoMagneticFields();
    }

    private record Earth(Frames frames) implements CelestialBody {

        @Override
        public Frame getInertiallyOrientedFrame() {
            return frames.getGCRF();
        }

        @Override
        public Frame getBodyOrientedFrame() {
            return frames.getITRF(IERSConventions.IERS_2010, true);
        }

        @Override
        public String getName() {
            return "Earth";
        }

        @Override
        public double getGM() {
            return Constants.WGS84_EARTH_MU;
        }

        @Override
        public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
            return frames.getGCRF().getTransformTo(frame, date)
                    .transformPVCoordinates(new TimeStampedPVCoordinates(date, org.hipparchus.geometry.euclidean
                            .threed.Vector3D.ZERO, org.hipparchus.geometry.euclidean.threed.Vector3D.ZERO));
        }

        @Override
        public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date,
                                                                              Frame frame) {
            return frames.getGCRF().getTransformTo(frame, date)
                    .transformPosition(FieldVector3D.getZero(date.getField()));
        }
    }

    private record EarthOnlyBodies(CelestialBodies delegate, CelestialBody earth) implements CelestialBodies {

        @Override
        public CelestialBody getSolarSystemBarycenter() {
            return delegate.getSolarSystemBarycenter();
        }

        @Override
        public CelestialBody getSun() {
            return delegate.getSun();
        }

        @Override
        public CelestialBody getMercury() {
            return delegate.getMercury();
        }

        @Override
        public CelestialBody getVenus() {
            return delegate.getVenus();
        }

        @Override
        public CelestialBody getEarthMoonBarycenter() {
            return delegate.getEarthMoonBarycenter();
        }

        @Override
        public CelestialBody getEarth() {
            return earth;
        }

        @Override
        public CelestialBody getMoon() {
            return delegate.getMoon();
        }

        @Override
        public CelestialBody getMars() {
            return delegate.getMars();
        }

        @Override
        public CelestialBody getJupiter() {
            return delegate.getJupiter();
        }

        @Override
        public CelestialBody getSaturn() {
            return delegate.getSaturn();
        }

        @Override
        public CelestialBody getUranus() {
            return delegate.getUranus();
        }

        @Override
        public CelestialBody getNeptune() {
            return delegate.getNeptune();
        }

        @Override
        public CelestialBody getPluto() {
            return delegate.getPluto();
        }

        @Override
        public CelestialBody getBody(String name) {
            return "EARTH".equalsIgnoreCase(name) ? earth : delegate.getBody(name);
        }
    }
}
