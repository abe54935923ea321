package org.concord.orbit;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.orekit.data.DataSource;
import org.orekit.errors.OrekitException;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.KeplerianElements;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemSatelliteEphemeris;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.files.ccsds.ndm.odm.opm.Opm;
import org.orekit.forces.gravity.J2OnlyPerturbation;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.BoundedPropagator;
import org.orekit.propagation.EphemerisGenerator;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.ToleranceProvider;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * Propagates any stored orbit record to an ephemeris in the frame asked for:
 * <ul>
 *     <li>mean elements (TLE, OMM) with SGP4/SDP4: Orekit's TLEPropagator, stopped with a
 *     {@link PropagationException} wherever Vallado's reference code returns an error ({@link Sgp4});</li>
 *     <li>an ephemeris (OEM) by Orekit's interpolation of the object's segments, with the interpolation the message
 *     declares; any time outside a segment is refused, never extrapolated;</li>
 *     <li>a state vector (OPM) numerically (Dormand-Prince 8(5,3)) under point-mass gravity plus J2 only (WGS-84
 *     constants from Orekit's {@link Constants}; the OPM's GM when it gives one). No gravity-field files are shipped,
 *     and drag, third bodies, radiation pressure and the OPM's manoeuvres are not modelled: fine for hours, not for
 *     days.</li>
 * </ul>
 * Without Earth orientation parameters ({@link OrekitSetup#earthOrientationLoaded()}), Orekit takes UT1-UTC and the
 * pole offsets as zero: conversions between inertial and Earth-fixed frames still work, and results that needed one
 * are flagged {@link Ephemeris#approximate()}. Thread-safe: each call builds its own propagator.
 */
public final class PropagationService {

    private static final double POSITION_TOLERANCE_METERS = 1.0e-3;
    private static final double POLAR_RADIUS_METERS =
            Constants.WGS84_EARTH_EQUATORIAL_RADIUS * (1.0 - Constants.WGS84_EARTH_FLATTENING);

    private final MeanElementsDecoder meanElements;
    private final StalenessLimits staleness;
    private final FrameSet frames;
    private final boolean earthOrientationLoaded;
    private final TimeScale utc;

    /**
     * A service that reads TLE records, hands OMM records to {@code meanElements} ({@link MeanElementsDecoder}), and
     * marks results beyond the {@code staleness} limits stale, with the time scales of the node's data context.
     */
    public PropagationService(MeanElementsDecoder meanElements, StalenessLimits staleness, TimeScales timeScales) {
        this.earthOrientationLoaded = OrekitSetup.get().earthOrientationLoaded();
        this.meanElements = meanElements;
        this.staleness = staleness;
        this.frames = new FrameSet();
        this.utc = timeScales.getUTC();
    }

    /** A service for TLE, OEM and OPM records that refuses OMM records, with the default staleness limits. */
    public PropagationService() {
        this(MeanElementsDecoder.tleOnly(), StalenessLimits.DEFAULTS, OrekitSetup.get().timeScales());
    }

    public Ephemeris propagate(OrbitRecord record, Instant from, Instant to, Duration step, OutputFrame frame) {
        return propagate(record, new PropagationRequest(from, to, step, frame));
    }

    /**
     * Propagates over the whole request. A result beyond the staleness limit of the record's regime is still
     * answered, marked {@link ElementAge#stale()}.
     *
     * @throws PropagationException when the record cannot be read or propagated over the whole request; no partial
     *                              ephemeris is returned
     */
    public Ephemeris propagate(OrbitRecord record, PropagationRequest request) {
        if (record.format() == SourceFormat.SATCAT_CSV || record.format().orbitKind() != record.kind()) {
            throw PropagationException.unsupported("record " + record.id() + " is of kind " + record.kind()
                    + " but its format is " + record.format());
        }
        return switch (record.kind()) {
            case MEAN_ELEMENTS -> meanElements(record, request);
            case EPHEMERIS -> ephemeris(record, request);
            case STATE_VECTOR -> stateVector(record, request);
        };
    }

    private Ephemeris meanElements(OrbitRecord record, PropagationRequest request) {
        TLE tle;
        try {
            tle = meanElements.toTle(record.format(), record.content());
        } catch (RuntimeException e) {
            throw PropagationException.unreadable("the " + record.format() + " content of record " + record.id()
                    + " cannot be read as SGP4 mean elements: " + e.getMessage(), e);
        }
        Sgp4 sgp4 = Sgp4.of(tle);
        List<EphemerisSample> samples = new ArrayList<>(request.sampleCount());
        for (Instant time : request.times()) {
            AbsoluteDate date = new AbsoluteDate(time, utc);
            PVCoordinates teme = sgp4.temePv(date);
            samples.add(frames.sample(time, date, frames.convert(teme, frames.teme, request.frame(), date),
                    request.frame()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("SGP4 mean elements are accurate to about a kilometre near their epoch and degrade by kilometres"
                + " per day away from it");
        boolean approximate = approximate(false, request.frame(), notes);
        ElementAge age = staleness.assess(record, request.from(), request.to());
        return new Ephemeris(record.noradId(), record.objectName(), objectId(record), OrbitKind.MEAN_ELEMENTS,
                request.frame(), sgp4.deepSpace() ? "SDP4 (deep space)" : "SGP4", approximate, notes, samples,
                record.id(), record.label(), age);
    }

    private Ephemeris ephemeris(OrbitRecord record, PropagationRequest request) {
        Oem oem;
        try {
            oem = new ParserBuilder(EarthCentredContext.get()).buildOemParser().parseMessage(source(record));
        } catch (RuntimeException e) {
            throw PropagationException.unreadable("record " + record.id() + " is not a readable OEM: "
                    + e.getMessage(), e);
        }
        OemSatelliteEphemeris satellite = satelliteOf(oem, record);
        List<OemSegment> segments = satellite.getSegments();
        boolean earthFixedSource = false;
        for (OemSegment segment : segments) {
            requireEarthCentred(segment.getMetadata().getCenter(), record);
            earthFixedSource |= !segment.getMetadata().getFrame().isPseudoInertial();
        }
        List<Instant> times = request.times();
        for (Instant time : times) {
            AbsoluteDate date = new AbsoluteDate(time, utc);
            if (segments.stream().noneMatch(s -> !date.isBefore(s.getStart()) && !date.isAfter(s.getStop()))) {
                throw PropagationException.outsideSpan(time, time + " is outside the ephemeris of "
                        + satellite.getId() + ", which covers " + spans(segments)
                        + "; an ephemeris is only interpolated within its span, never extrapolated");
            }
        }
        BoundedPropagator propagator;
        try {
            propagator = satellite.getPropagator();
        } catch (OrekitException e) {
            throw PropagationException.unreadable("Orekit cannot interpolate the OEM of record " + record.id() + ": "
                    + e.getMessage(), e);
        }
        Frame target = frames.cartesianFrame(request.frame());
        List<EphemerisSample> samples = new ArrayList<>(times.size());
        for (Instant time : times) {
            AbsoluteDate date = new AbsoluteDate(time, utc);
            try {
                samples.add(frames.sample(time, date, propagator.getPVCoordinates(date, target), request.frame()));
            } catch (OrekitException e) {
                throw PropagationException.failed(time, "interpolating the OEM of record " + record.id()
                        + " failed: " + e.getMessage(), e);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("interpolated from the OEM's " + segments.size() + " segment(s) with "
                + segments.get(0).getMetadata().getInterpolationMethod() + " degree "
                + segments.get(0).getMetadata().getInterpolationDegree());
        boolean approximate = approximate(earthFixedSource, request.frame(), notes);
        ElementAge age = staleness.assess(record, request.from(), request.to());
        return new Ephemeris(record.noradId(), record.objectName(), objectId(record), OrbitKind.EPHEMERIS,
                request.frame(), "OEM interpolation", approximate, notes, samples,
                record.id(), record.label(), age);
    }

    private Ephemeris stateVector(OrbitRecord record, PropagationRequest request) {
        Opm opm;
        try {
            opm = new ParserBuilder(EarthCentredContext.get()).withMu(Constants.WGS84_EARTH_MU).buildOpmParser()
                    .parseMessage(source(record));
        } catch (RuntimeException e) {
            throw PropagationException.unreadable("record " + record.id() + " is not a readable OPM: "
                    + e.getMessage(), e);
        }
        requireEarthCentred(opm.getMetadata().getCenter(), record);
        Frame stateFrame;
        TimeStampedPVCoordinates state;
        try {
            stateFrame = opm.getMetadata().getFrame();
            state = opm.getPVCoordinates();
        } catch (OrekitException e) {
            throw PropagationException.unsupported("the state of the OPM of record " + record.id()
                    + " cannot be used: " + e.getMessage());
        }
        boolean earthFixedSource = !stateFrame.isPseudoInertial();
        if (earthFixedSource) {
            state = stateFrame.getTransformTo(frames.gcrf, state.getDate()).transformPVCoordinates(state);
        }
        Frame inertial = earthFixedSource ? frames.gcrf : stateFrame;
        double mu = Optional.ofNullable(opm.getData().getKeplerianElementsBlock()).map(KeplerianElements::getMu)
                .filter(m -> m > 0.0).orElse(Constants.WGS84_EARTH_MU);
        List<Instant> times = request.times();
        List<EphemerisSample> samples = new ArrayList<>(times.size());
        Instant current = times.get(0);
        try {
            CartesianOrbit orbit = new CartesianOrbit(state, inertial, mu);
            double[][] tolerances = ToleranceProvider.getDefaultToleranceProvider(POSITION_TOLERANCE_METERS)
                    .getTolerances(orbit, OrbitType.CARTESIAN);
            NumericalPropagator propagator = new NumericalPropagator(
                    new DormandPrince853Integrator(1.0e-3, 300.0, tolerances[0], tolerances[1]));
            propagator.setOrbitType(OrbitType.CARTESIAN);
            propagator.setMu(mu);
            propagator.addForceModel(new J2OnlyPerturbation(mu, Constants.WGS84_EARTH_EQUATORIAL_RADIUS,
                    -Constants.WGS84_EARTH_C20, frames.itrf));
            propagator.setInitialState(new SpacecraftState(orbit));
            AbsoluteDate first = new AbsoluteDate(times.get(0), utc);
            AbsoluteDate last = new AbsoluteDate(times.get(times.size() - 1), utc);
            Frame target = frames.cartesianFrame(request.frame());
            if (times.size() == 1) {
                SpacecraftState end = propagator.propagate(first);
                samples.add(checkedSample(current, first, end.getPVCoordinates(target), request.frame(), record));
            } else {
                EphemerisGenerator generator = propagator.getEphemerisGenerator();
                propagator.propagate(first, last);
                BoundedPropagator ephemeris = generator.getGeneratedEphemeris();
                for (Instant time : times) {
                    current = time;
                    AbsoluteDate date = new AbsoluteDate(time, utc);
                    samples.add(checkedSample(time, date, ephemeris.getPVCoordinates(date, target),
                            request.frame(), record));
                }
            }
        } catch (OrekitException | IllegalArgumentException e) {
            throw PropagationException.failed(current, "numerical propagation of the OPM of record " + record.id()
                    + " failed: " + e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        notes.add("numerical propagation with point-mass gravity and J2 only (WGS-84): no drag, third bodies or"
                + " radiation pressure; expect kilometres of error after a day in low orbit");
        if (opm.hasManeuvers()) {
            notes.add("the OPM's " + opm.getNbManeuvers() + " manoeuvre(s) are not applied");
        }
        boolean approximate = approximate(earthFixedSource, request.frame(), notes);
        ElementAge age = staleness.assess(record, request.from(), request.to());
        return new Ephemeris(record.noradId(), record.objectName(), objectId(record), OrbitKind.STATE_VECTOR,
                request.frame(), "numerical (J2)", approximate, notes, samples,
                record.id(), record.label(), age);
    }

    private EphemerisSample checkedSample(Instant time, AbsoluteDate date, PVCoordinates pv, OutputFrame frame,
                                          OrbitRecord record) {
        if (pv.getPosition().getNorm() < POLAR_RADIUS_METERS) {
            throw PropagationException.failed(time, String.format(Locale.ROOT,
                    "the trajectory of record %d is below the Earth's surface at %s (radius %.3f km); the J2 model"
                            + " has no surface and no atmosphere", record.id(), time,
                    pv.getPosition().getNorm() / 1000.0), null);
        }
        return frames.sample(time, date, pv, frame);
    }

    private boolean approximate(boolean earthFixedSource, OutputFrame frame, List<String> notes) {
        boolean approximate = !earthOrientationLoaded && earthFixedSource != frame.earthFixed();
        if (approximate) {
            notes.add("no Earth orientation parameters are loaded: UT1-UTC and polar motion are taken as zero in the"
                    + " conversion between inertial and Earth-fixed frames (errors up to about 0.5 km)");
        }
        return approximate;
    }

    private static OemSatelliteEphemeris satelliteOf(Oem oem, OrbitRecord record) {
        Map<String, OemSatelliteEphemeris> satellites = oem.getSatellites();
        if (satellites.size() == 1) {
            return satellites.values().iterator().next();
        }
        for (OemSatelliteEphemeris satellite : satellites.values()) {
            String id = satellite.getId();
            String name = satellite.getSegments().get(0).getMetadata().getObjectName();
            boolean sameId = record.internationalDesignator()
                    .map(d -> normalizeDesignator(d).equals(normalizeDesignator(id))).orElse(false);
            if (sameId || id.equals(Long.toString(record.noradId())) || record.objectName().equalsIgnoreCase(name)) {
                return satellite;
            }
        }
        throw PropagationException.unsupported("the OEM of record " + record.id() + " holds " + satellites.size()
                + " objects " + satellites.keySet() + " and none is " + record.objectName() + " ("
                + record.internationalDesignator().orElse("no international designator") + ")");
    }

    private static String normalizeDesignator(String designator) {
        return designator.replace("-", "").trim().toUpperCase(Locale.ROOT);
    }

    private static void requireEarthCentred(BodyFacade center, OrbitRecord record) {
        if (!"EARTH".equalsIgnoreCase(center.getName().trim())) {
            throw PropagationException.unsupported("record " + record.id() + " is centred on " + center.getName()
                    + "; only Earth-centred orbits are propagated");
        }
    }

    private static String spans(List<OemSegment> segments) {
        List<String> spans = new ArrayList<>();
        for (OemSegment segment : segments) {
            spans.add(segment.getStart().toInstant() + " to " + segment.getStop().toInstant());
        }
        return String.join(", ", spans);
    }

    private static DataSource source(OrbitRecord record) {
        String content = record.content();
        return new DataSource("record-" + record.id(), () -> new StringReader(content));
    }

    private static String objectId(OrbitRecord record) {
        return record.internationalDesignator().orElse(Long.toString(record.noradId()));
    }
}
