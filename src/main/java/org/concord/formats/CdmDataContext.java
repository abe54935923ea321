package org.concord.formats;

import org.concord.orbit.EarthCentredContext;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.exception.DummyLocalizable;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.CelestialBodies;
import org.orekit.bodies.CelestialBody;
import org.orekit.bodies.CelestialBodyFactory;
import org.orekit.data.DataContext;
import org.orekit.errors.OrekitException;
import org.orekit.forces.gravity.potential.GravityFields;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.GeoMagneticFields;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * The context CDMs are read in: the {@link EarthCentredContext}, except that the bodies a CDM names in
 * {@code N_BODY_PERTURBATIONS} (MOON, SUN...) are known by name. That keyword only records which third bodies the
 * originator's propagation modelled; Orekit resolves the names to bodies while it parses, and the Earth-centred
 * context refuses every body but the Earth. Here any other body is a name only: asking for its position, frame or
 * gravitational parameter fails, and the reader refuses a CDM whose {@code ORBIT_CENTER} is not the Earth.
 */
final class CdmDataContext implements DataContext {

    private static volatile CdmDataContext instance;

    private final EarthCentredContext base;
    private final CelestialBodies bodies;

    private CdmDataContext(EarthCentredContext base) {
        this.base = base;
        CelestialBody earth = base.getCelestialBodies().getEarth();
        this.bodies = new NamesOnly(earth);
    }

    static CdmDataContext get() {
        CdmDataContext current = instance;
        if (current == null) {
            synchronized (CdmDataContext.class) {
                if (instance == null) {
                    instance = new CdmDataContext(EarthCentredContext.get());
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
        return base.getFrames();
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

    /** A body known by its name only. */
    private record NamedBody(String name) implements CelestialBody {

        private OrekitException unknown() {
            return new OrekitException(new DummyLocalizable("no ephemeris of " + name
                    + " on this node: a CDM may name it (N_BODY_PERTURBATIONS), Concord does not use it"));
        }

        @Override
        public Frame getInertiallyOrientedFrame() {
            throw unknown();
        }

        @Override
        public Frame getBodyOrientedFrame() {
            throw unknown();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public double getGM() {
            throw unknown();
        }

        @Override
        public Vector3D getPosition(AbsoluteDate date, Frame frame) {
            throw unknown();
        }

        @Override
        public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
            throw unknown();
        }

        @Override
        public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date,
                                                                                Frame frame) {
            throw unknown();
        }
    }

    /** The Earth, and every other body by name only. */
    private record NamesOnly(CelestialBody earth) implements CelestialBodies {

        @Override
        public CelestialBody getEarth() {
            return earth;
        }

        @Override
        public CelestialBody getBody(String name) {
            return CelestialBodyFactory.EARTH.equalsIgnoreCase(name) ? earth : new NamedBody(name);
        }

        @Override
        public CelestialBody getSolarSystemBarycenter() {
            return new NamedBody(CelestialBodyFactory.SOLAR_SYSTEM_BARYCENTER);
        }

        @Override
        public CelestialBody getSun() {
            return new NamedBody(CelestialBodyFactory.SUN);
        }

        @Override
        public CelestialBody getMercury() {
            return new NamedBody(CelestialBodyFactory.MERCURY);
        }

        @Override
        public CelestialBody getVenus() {
            return new NamedBody(CelestialBodyFactory.VENUS);
        }

        @Override
        public CelestialBody getEarthMoonBarycenter() {
            return new NamedBody(CelestialBodyFactory.EARTH_MOON);
        }

        @Override
        public CelestialBody getMoon() {
            return new NamedBody(CelestialBodyFactory.MOON);
        }

        @Override
        public CelestialBody getMars() {
            return new NamedBody(CelestialBodyFactory.MARS);
        }

        @Override
        public CelestialBody getJupiter() {
            return new NamedBody(CelestialBodyFactory.JUPITER);
        }

        @Override
        public CelestialBody getSaturn() {
            return new NamedBody(CelestialBodyFactory.SATURN);
        }

        @Override
        public CelestialBody getUranus() {
            return new NamedBody(CelestialBodyFactory.URANUS);
        }

        @Override
        public CelestialBody getNeptune() {
            return new NamedBody(CelestialBodyFactory.NEPTUNE);
        }

        @Override
        public CelestialBody getPluto() {
            return new NamedBody(CelestialBodyFactory.PLUTO);
        }
    }
}
