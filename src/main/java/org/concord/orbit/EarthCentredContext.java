package org.concord.orbit;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.exception.DummyLocalizable;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.CelestialBodies;
import org.orekit.bodies.CelestialBody;
import org.orekit.bodies.CelestialBodyFactory;
import org.orekit.data.DataContext;
import org.orekit.data.LazyLoadedDataContext;
import org.orekit.errors.OrekitException;
import org.orekit.forces.gravity.potential.GravityFields;
import org.orekit.frames.AbstractFrames;
import org.orekit.frames.EOPHistory;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.GeoMagneticFields;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * The Orekit data context CCSDS messages are read and written with: Orekit's default context (time scales, Earth
 * orientation when loaded) for everything but the celestial bodies.
 * <p>
 * Orekit resolves {@code CENTER_NAME} to a celestial body while it parses, and its default bodies come from JPL
 * planetary ephemerides, which a Concord node does not ship. Concord keeps Earth-centred orbits only, so this
 * context knows one body, the Earth: origin of GCRF, gravitational parameter {@link Constants#IERS2010_EARTH_MU}.
 * Any other body is refused (the readers reject a non-Earth {@code CENTER_NAME} before Orekit asks for it).
 * {@code REF_FRAME = ICRF} with {@code CENTER_NAME = EARTH} names ICRF axes at the Earth's centre, which is GCRF: in
 * this context the ICRF is therefore GCRF itself, so no barycentric ephemeris is needed.
 */
public final class EarthCentredContext implements DataContext {

    private static volatile EarthCentredContext instance;

    private final LazyLoadedDataContext base;
    private final Frames frames;
    private final CelestialBodies bodies;

    private EarthCentredContext(LazyLoadedDataContext base) {
        this.base = base;
        Frames baseFrames = base.getFrames();
        this.frames = new AbstractFrames(base.getTimeScales(), baseFrames::getGCRF) {
            @Override
            public EOPHistory getEOPHistory(IERSConventions conventions, boolean simpleEOP) {
                return baseFrames.getEOPHistory(conventions, simpleEOP);
            }
        };
        this.bodies = new EarthOnly(new Earth(frames));
    }

    /** The context, created once Orekit is set up. */
    public static EarthCentredContext get() {
        EarthCentredContext current = instance;
        if (current == null) {
            synchronized (EarthCentredContext.class) {
                if (instance == null) {
                    OrekitSetup.get();
                    instance = new EarthCentredContext(DataContext.getDefault());
                }
                current = instance;
            }
        }
        return current;
    }

    @Override
    public TimeScales getTimeScales() {
        return base.getTimeScales();
    }

    @Override
    public Frames getFrames() {
        return frames;
    }

    @Override
    public CelestialBodies getCelestialBodies() {
        return bodies;
    }

    @Override
    public GravityFields getGravityFields() {
        return base.getGravityFields();
    }

    @Override
    public GeoMagneticFields getGeoMagneticFields() {
        return base.getGeoMagneticFields();
    }

    /** The Earth as the origin of GCRF. */
    private static final class Earth implements CelestialBody {

        private final Frames frames;

        Earth(Frames frames) {
            this.frames = frames;
        }

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
            return CelestialBodyFactory.EARTH;
        }

        @Override
        public double getGM() {
            return Constants.IERS2010_EARTH_MU;
        }

        @Override
        public Vector3D getPosition(AbsoluteDate date, Frame frame) {
            return frames.getGCRF().getTransformTo(frame, date).transformPosition(Vector3D.ZERO);
        }

        @Override
        public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
            return frames.getGCRF().getTransformTo(frame, date)
                    .transformPVCoordinates(new TimeStampedPVCoordinates(date, PVCoordinates.ZERO));
        }

        @Override
        public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date,
                                                                                Frame frame) {
            return frames.getGCRF().getTransformTo(frame, date)
                    .transformPosition(FieldVector3D.getZero(date.getField()));
        }
    }

    /** Celestial bodies of which only the Earth is known. */
    private record EarthOnly(CelestialBody earth) implements CelestialBodies {

        private static CelestialBody refuse(String name) {
            throw new OrekitException(new DummyLocalizable("no ephemeris of " + name
                    + " on this node: Concord reads Earth-centred orbits only"));
        }

        @Override
        public CelestialBody getEarth() {
            return earth;
        }

        @Override
        public CelestialBody getBody(String name) {
            return CelestialBodyFactory.EARTH.equalsIgnoreCase(name) ? earth : refuse(name);
        }

        @Override
        public CelestialBody getSolarSystemBarycenter() {
            return refuse(CelestialBodyFactory.SOLAR_SYSTEM_BARYCENTER);
        }

        @Override
        public CelestialBody getSun() {
            return refuse(CelestialBodyFactory.SUN);
        }

        @Override
        public CelestialBody getMercury() {
            return refuse(CelestialBodyFactory.MERCURY);
        }

        @Override
        public CelestialBody getVenus() {
            return refuse(CelestialBodyFactory.VENUS);
        }

        @Override
        public CelestialBody getEarthMoonBarycenter() {
            return refuse(CelestialBodyFactory.EARTH_MOON);
        }

        @Override
        public CelestialBody getMoon() {
            return refuse(CelestialBodyFactory.MOON);
        }

        @Override
        public CelestialBody getMars() {
            return refuse(CelestialBodyFactory.MARS);
        }

        @Override
        public CelestialBody getJupiter() {
            return refuse(CelestialBodyFactory.JUPITER);
        }

        @Override
        public CelestialBody getSaturn() {
            return refuse(CelestialBodyFactory.SATURN);
        }

        @Override
        public CelestialBody getUranus() {
            return refuse(CelestialBodyFactory.URANUS);
        }

        @Override
        public CelestialBody getNeptune() {
            return refuse(CelestialBodyFactory.NEPTUNE);
        }

        @Override
        public CelestialBody getPluto() {
            return refuse(CelestialBodyFactory.PLUTO);
        }
    }
}
