package org.concord.reentry;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.concord.orbit.Sgp4;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.orekit.attitudes.AttitudeProvider;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.errors.OrekitException;
import org.orekit.forces.drag.DragForce;
import org.orekit.forces.drag.IsotropicDrag;
import org.orekit.forces.gravity.HolmesFeatherstoneAttractionModel;
import org.orekit.forces.gravity.potential.GravityFieldFactory;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.atmosphere.Atmosphere;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.EquinoctialOrbit;
import org.orekit.orbits.Orbit;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.PropagationType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.integration.AbstractIntegratedPropagator;
import org.orekit.propagation.events.AltitudeDetector;
import org.orekit.propagation.events.FunctionalDetector;
import org.orekit.propagation.events.handlers.StopOnEvent;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.propagation.sampling.OrekitStepHandler;
import org.orekit.propagation.semianalytical.dsst.DSSTPropagator;
import org.orekit.propagation.semianalytical.dsst.forces.DSSTAtmosphericDrag;
import org.orekit.propagation.semianalytical.dsst.forces.DSSTForceModel;
import org.orekit.propagation.semianalytical.dsst.forces.DSSTZonal;
import org.orekit.propagation.semianalytical.dsst.utilities.AuxiliaryElements;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * Propagates a decaying orbit with drag until it re-enters: the semi-analytical DSST theory (mean elements, zonal
 * harmonics J2 to J5, drag averaged over each revolution) while the mean altitude of the orbit is above
 * {@link #HANDOFF_ALTITUDE_METERS}, then Orekit's numerical propagator (osculating state, J2 to J5 and drag at every
 * point) down to {@link #REENTRY_ALTITUDE_METERS} geodetic altitude. DSST takes steps of hours to a day where the
 * orbit changes slowly, which keeps a lifetime of months to a fraction of a second; below the hand-off the orbit loses
 * kilometres per revolution, where averaging over a revolution no longer holds and the numerical propagator takes
 * over (that last phase lasts about a day).
 * <p>
 * The object is a sphere of ballistic coefficient {@code B = Cd A / m} (m²/kg): drag acceleration is
 * {@code ½ ρ v² B}. Not thread-safe (Orekit's atmosphere models cache their last evaluation): one per thread.
 */
final class DecayPropagator {

    /** The geodetic altitude at which an orbit is taken as re-entered (the usual 80 km of decay predictions). */
    static final double REENTRY_ALTITUDE_METERS = 80_000.0;

    /** Mean altitude (semi-major axis less the equatorial radius) at which DSST hands over to numerical propagation. */
    static final double HANDOFF_ALTITUDE_METERS = 160_000.0;

    private static final double MASS_KG = 1.0;
    private static final double DSST_POSITION_TOLERANCE_METERS = 100.0;
    private static final double NUMERICAL_POSITION_TOLERANCE_METERS = 10.0;
    private static final double MAX_DSST_STEP_SECONDS = 4 * 86_400.0;
    private static final int STEP_LIMIT_RETRIES = 3;
    private static final double STEP_LIMIT_DIVISOR = 8.0;
    private static final double MAX_NUMERICAL_STEP_SECONDS = 600.0;
    private static final double MAX_FINAL_PHASE_SECONDS = 10 * 86_400.0;

    private final Atmosphere atmosphere;
    private final Frame inertial;
    private final Frame teme;
    private final OneAxisEllipsoid earth;
    private final ZonalGravity gravity = new ZonalGravity();
    private final AttitudeProvider attitude;

    DecayPropagator(Atmosphere atmosphere, Frames frames, OneAxisEllipsoid earth) {
        this.atmosphere = atmosphere;
        this.inertial = frames.getGCRF();
        this.teme = frames.getTEME();
        this.earth = earth;
        this.attitude = new FrameAlignedProvider(inertial);
    }

    /**
     * The DSST mean state of an element set at its epoch: SGP4's osculating state there, averaged over the zonal
     * harmonics' short-period terms (drag's are metres at these altitudes, where the zonals' are kilometres).
     */
    SpacecraftState meanState(TLE elements) {
        AbsoluteDate epoch = elements.getDate();
        PVCoordinates temePv = Sgp4.of(elements).temePv(epoch);
        PVCoordinates pv = teme.getTransformTo(inertial, epoch).transformPVCoordinates(temePv);
        Orbit osculating = new EquinoctialOrbit(pv, inertial, epoch, gravity.getMu());
        SpacecraftState state = new SpacecraftState(osculating, attitude.getAttitude(osculating, epoch, inertial),
                MASS_KG);
        return DSSTPropagator.computeMeanState(state, attitude, List.of(zonal()));
    }

    /**
     * The rate of change of the mean semi-major axis (m/s, negative) drag gives the mean state for a ballistic
     * coefficient of 1 m²/kg: drag is proportional to the ballistic coefficient, so an observed rate divided by this
     * is the object's coefficient.
     */
    double meanDecayRatePerUnitBallistic(SpacecraftState mean) {
        DSSTAtmosphericDrag drag = new DSSTAtmosphericDrag(atmosphere, new IsotropicDrag(1.0, 1.0), gravity.getMu());
        drag.registerAttitudeProvider(attitude);
        AuxiliaryElements auxiliary = new AuxiliaryElements(mean.getOrbit(), 1);
        double[] parameters = drag.getParametersAllValues();
        drag.initializeShortPeriodTerms(auxiliary, PropagationType.MEAN, parameters);
        return drag.getMeanElementRate(mean, auxiliary, drag.extractParameters(parameters, mean.getDate()))[0];
    }

    /** The mean state at {@code target} (for fitting the ballistic coefficient between two element sets). */
    SpacecraftState meanStateAt(SpacecraftState mean, double ballisticSquareMetersPerKg, AbsoluteDate target) {
        return dsst(mean, ballisticSquareMetersPerKg).propagate(target);
    }

    /**
     * The epoch at which the orbit reaches {@link #REENTRY_ALTITUDE_METERS}, or empty when it is still above it at
     * {@code horizon}.
     */
    Optional<AbsoluteDate> reentry(SpacecraftState mean, double ballisticSquareMetersPerKg, AbsoluteDate horizon) {
        SpacecraftState handoff = mean;
        if (meanAltitude(mean) > HANDOFF_ALTITUDE_METERS) {
            handoff = toHandoff(mean, ballisticSquareMetersPerKg, horizon);
            if (meanAltitude(handoff) > HANDOFF_ALTITUDE_METERS + 1.0) {
                return Optional.empty();
            }
        }
        SpacecraftState osculating = DSSTPropagator.computeOsculatingState(handoff, attitude,
                dsstForces(ballisticSquareMetersPerKg));
        return finalPhase(osculating, ballisticSquareMetersPerKg, horizon);
    }

    /** DSST down to the hand-off altitude, or to {@code horizon}, telling the observers each step. */
    private SpacecraftState toHandoff(SpacecraftState mean, double ballistic, AbsoluteDate horizon,
                                      OrekitStepHandler... observers) {
        return withRetries(mean, MAX_DSST_STEP_SECONDS, horizon, (start, maxStep) -> {
            DSSTPropagator dsst = dsst(start, dsstForces(ballistic), maxStep);
            dsst.addEventDetector(new FunctionalDetector()
                    .withFunction(s -> meanAltitude(s) - HANDOFF_ALTITUDE_METERS)
                    .withHandler(new StopOnEvent()));
            for (OrekitStepHandler observer : observers) {
                dsst.getMultiplexer().add(observer);
            }
            return dsst;
        });
    }

    /**
     * Positions (GCRF, metres) every {@code stepSeconds} from {@code from} to {@code to}, on the grid that starts at
     * {@code from}: along the decay path {@link #reentry} follows (DSST mean states, a few kilometres from the
     * osculating ones, then the numerical propagator's) up to the re-entry at {@code reentry}, and after it along the
     * orbit the object had at the hand-off continued without drag: the path of an object that stays up longer than
     * predicted, as a late re-entry in the window does.
     */
    NavigableMap<AbsoluteDate, Vector3D> positions(SpacecraftState mean, double ballistic, AbsoluteDate reentry,
                                                   AbsoluteDate from, AbsoluteDate to, double stepSeconds) {
        NavigableMap<AbsoluteDate, Vector3D> positions = new TreeMap<>();
        AbsoluteDate lastBefore = reentry.isBefore(to) ? reentry : to;
        OrekitStepHandler decaying = sampler(from, stepSeconds, from, lastBefore, positions);
        SpacecraftState handoff = meanAltitude(mean) > HANDOFF_ALTITUDE_METERS
                ? toHandoff(mean, ballistic, reentry, decaying) : mean;
        if (!handoff.getDate().isAfter(lastBefore)) {
            SpacecraftState osculating = DSSTPropagator.computeOsculatingState(handoff, attitude,
                    dsstForces(ballistic));
            Orbit cartesian = new CartesianOrbit(osculating.getPVCoordinates(), inertial, osculating.getDate(),
                    gravity.getMu());
            withRetries(new SpacecraftState(cartesian, osculating.getAttitude(), MASS_KG), MAX_NUMERICAL_STEP_SECONDS,
                    lastBefore, (start, maxStep) -> {
                        NumericalPropagator numerical = numerical(start, ballistic, maxStep);
                        numerical.getMultiplexer().add(decaying);
                        return numerical;
                    });
        }
        if (to.isAfter(reentry)) {
            DSSTPropagator free = dsst(handoff, List.of(zonal()), MAX_DSST_STEP_SECONDS);
            free.getMultiplexer().add(sampler(from, stepSeconds, reentry, to, positions));
            free.propagate(to);
        }
        return positions;
    }

    /** Records the positions at the grid times (from {@code grid}, every {@code step}) in [{@code first}, {@code last}]. */
    private static OrekitStepHandler sampler(AbsoluteDate grid, double step, AbsoluteDate first, AbsoluteDate last,
                                             NavigableMap<AbsoluteDate, Vector3D> positions) {
        return interpolator -> {
            AbsoluteDate previous = interpolator.getPreviousState().getDate();
            AbsoluteDate current = interpolator.getCurrentState().getDate();
            AbsoluteDate start = previous.isBefore(first) ? first : previous;
            AbsoluteDate end = current.isAfter(last) ? last : current;
            for (long k = (long) Math.ceil(start.durationFrom(grid) / step); k <= (long) Math.floor(
                    end.durationFrom(grid) / step); k++) {
                AbsoluteDate t = grid.shiftedBy(k * step);
                positions.put(t, interpolator.getInterpolatedState(t).getPosition());
            }
        };
    }

    private Optional<AbsoluteDate> finalPhase(SpacecraftState start, double ballistic, AbsoluteDate horizon) {
        Orbit cartesian = new CartesianOrbit(start.getPVCoordinates(), inertial, start.getDate(), gravity.getMu());
        AbsoluteDate end = start.getDate().shiftedBy(MAX_FINAL_PHASE_SECONDS);
        AbsoluteDate stop = end.isBefore(horizon) ? end : horizon;
        SpacecraftState last = withRetries(new SpacecraftState(cartesian, start.getAttitude(), MASS_KG),
                MAX_NUMERICAL_STEP_SECONDS, stop, (from, maxStep) -> numerical(from, ballistic, maxStep));
        double altitude = earth.transform(last.getPosition(), inertial, last.getDate()).getAltitude();
        if (altitude > REENTRY_ALTITUDE_METERS + 1.0) {
            if (stop.equals(horizon)) {
                return Optional.empty();
            }
            throw new IllegalStateException("the orbit did not re-enter within "
                    + Math.round(MAX_FINAL_PHASE_SECONDS / 86_400.0) + " days of falling below "
                    + Math.round(HANDOFF_ALTITUDE_METERS / 1000.0) + " km mean altitude");
        }
        return Optional.of(last.getDate());
    }

    /**
     * Propagates to {@code target} (or the first stopping event). Where the decay steepens, a trial step of the
     * integrator can reach an orbit that no longer exists (hyperbolic, or deep in the atmosphere where the density
     * model fails) before the step-size control refuses it; the propagation then resumes from the last accepted
     * state with a step limit {@link #STEP_LIMIT_DIVISOR} times smaller, up to {@link #STEP_LIMIT_RETRIES} times.
     */
    private static SpacecraftState withRetries(SpacecraftState initial, double maxStep, AbsoluteDate target,
                                               BiFunction<SpacecraftState, Double, AbstractIntegratedPropagator>
                                                       build) {
        SpacecraftState start = initial;
        double limit = maxStep;
        for (int attempt = 0; ; attempt++) {
            AbstractIntegratedPropagator propagator = build.apply(start, limit);
            SpacecraftState[] lastAccepted = {start};
            propagator.getMultiplexer().add(interpolator -> lastAccepted[0] = interpolator.getCurrentState());
            try {
                return propagator.propagate(target);
            } catch (OrekitException | IllegalArgumentException e) {
                if (attempt == STEP_LIMIT_RETRIES) {
                    throw e;
                }
                start = lastAccepted[0];
                limit /= STEP_LIMIT_DIVISOR;
            }
        }
    }

    private NumericalPropagator numerical(SpacecraftState start, double ballistic, double maxStepSeconds) {
        double[][] tolerances = NumericalPropagator.tolerances(NUMERICAL_POSITION_TOLERANCE_METERS,
                start.getOrbit(), OrbitType.CARTESIAN);
        NumericalPropagator propagator = new NumericalPropagator(
                new DormandPrince853Integrator(1.0e-3, maxStepSeconds, tolerances[0], tolerances[1]), attitude);
        propagator.setOrbitType(OrbitType.CARTESIAN);
        propagator.setInitialState(start);
        propagator.addForceModel(new HolmesFeatherstoneAttractionModel(earth.getBodyFrame(),
                GravityFieldFactory.getNormalizedProvider(gravity)));
        propagator.addForceModel(new DragForce(atmosphere, new IsotropicDrag(ballistic, 1.0)));
        propagator.addEventDetector(new AltitudeDetector(REENTRY_ALTITUDE_METERS, earth)
                .withHandler(new StopOnEvent()));
        return propagator;
    }

    private DSSTPropagator dsst(SpacecraftState mean, double ballistic) {
        return dsst(mean, dsstForces(ballistic), MAX_DSST_STEP_SECONDS);
    }

    private DSSTPropagator dsst(SpacecraftState mean, List<DSSTForceModel> forces, double maxStepSeconds) {
        double[][] tolerances = DSSTPropagator.tolerances(DSST_POSITION_TOLERANCE_METERS, mean.getOrbit());
        double period = mean.getOrbit().getKeplerianPeriod();
        DSSTPropagator propagator = new DSSTPropagator(
                new DormandPrince853Integrator(Math.min(period, maxStepSeconds), maxStepSeconds, tolerances[0],
                        tolerances[1]),
                PropagationType.MEAN, attitude);
        for (DSSTForceModel force : forces) {
            propagator.addForceModel(force);
        }
        propagator.setInitialState(mean, PropagationType.MEAN);
        return propagator;
    }

    private List<DSSTForceModel> dsstForces(double ballistic) {
        return List.of(zonal(),
                new DSSTAtmosphericDrag(atmosphere, new IsotropicDrag(ballistic, 1.0), gravity.getMu()));
    }

    /**
     * The zonal harmonics about the inertial frame's axis, not the Earth's true pole: the 0.3° of precession since
     * J2000 changes the decay by nothing measurable and saves a precession-nutation transform at every step.
     */
    private DSSTZonal zonal() {
        return new DSSTZonal(gravity);
    }

    private double meanAltitude(SpacecraftState state) {
        return state.getOrbit().getA() - earth.getEquatorialRadius();
    }
}
