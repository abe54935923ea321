package org.concord.reentry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.concord.orbit.Sgp4;
import org.concord.territory.Territories;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.data.DataContext;
import org.orekit.errors.OrekitException;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.ReferenceEllipsoid;
import org.orekit.models.earth.atmosphere.NRLMSISE00;
import org.orekit.models.earth.atmosphere.NRLMSISE00InputParameters;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEConstants;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.utils.IERSConventions;

/**
 * Predicts when a decaying object re-enters, from its orbit history.
 * <ol>
 *     <li>Class: apogee at or above {@link #HIGHLY_ECCENTRIC_APOGEE_KM} is {@link ReentryClass#HIGHLY_ECCENTRIC} (no
 *     epoch); a rise of the mean semi-major axis of more than {@link #MANOEUVRE_RISE_METERS} between successive sets
 *     is {@link ReentryClass#MANOEUVRING}; a vehicle its operator de-orbits is {@link ReentryClass#CONTROLLED}.</li>
 *     <li>Ballistic coefficient: fitted to the observed decay of the mean semi-major axis, between the newest set
 *     and the oldest set of the {@link #HISTORY_SPAN} before it when they are at least {@link #MIN_FIT_SPAN} apart,
 *     otherwise at the newest set's mean motion rate (ṅ, which the catalogue's orbit determination fits to its
 *     observations); from B* only when neither shows a decay. B* is a fitting parameter of SGP4's own density
 *     model: on the calibration decays it gave lifetimes two to four times too long (docs/reentry.md).</li>
 *     <li>Propagation from the newest set with drag in NRLMSISE-00, fed by the space-weather data given, down to
 *     80 km ({@link DecayPropagator}), at most {@link #horizon} ahead.</li>
 *     <li>Window: the calibrated {@link ReentryWindowRule} around the nominal epoch, for uncontrolled objects only.</li>
 *     <li>Under the window: the ground track and the states overflown ({@link TrackGeography}).</li>
 * </ol>
 * Thread-safe: each prediction builds its own atmosphere and propagators.
 */
public final class ReentryPredictor {

    static final double HIGHLY_ECCENTRIC_APOGEE_KM = 2000.0;
    static final double MANOEUVRE_RISE_METERS = 1000.0;
    /** How far back from the newest element set the history is used (the fit span). */
    public static final Duration HISTORY_SPAN = Duration.ofDays(30);
    static final Duration MIN_FIT_SPAN = Duration.ofDays(1);
    static final double DEFAULT_GUESS_SQUARE_METERS_PER_KG = 0.01;
    static final int FIT_ITERATIONS = 2;
    static final String ATMOSPHERE = "NRLMSISE-00";

    private final SpaceWeather spaceWeather;
    private final String spaceWeatherSource;
    private final ReentryWindowRule windowRule;
    private final Duration horizon;
    private final ControlledVehicles controlledVehicles;
    private final DataContext context;
    private final Clock clock;
    private final TrackGeography geography;

    /**
     * @param spaceWeather       the solar flux and geomagnetic indices the atmosphere model is fed with
     * @param windowRule         the window rule
     * @param horizon            how far ahead of the newest element set to propagate
     * @param controlledVehicles the vehicles whose re-entries are controlled
     * @param context            Orekit's frames and time scales
     * @param clock              when predictions are made
     */
    public ReentryPredictor(SpaceWeather spaceWeather, ReentryWindowRule windowRule, Duration horizon, ControlledVehicles controlledVehicles,
                            DataContext context, Clock clock) {
        this(spaceWeather, windowRule, horizon, controlledVehicles, Territories.bundled(), context, clock);
    }

    /**
     * @param territories the states and territories whose overflights are listed
     * @see #ReentryPredictor(SpaceWeather, ReentryWindowRule, Duration, ControlledVehicles, DataContext, Clock)
     */
    public ReentryPredictor(SpaceWeather spaceWeather, ReentryWindowRule windowRule, Duration horizon,
                            ControlledVehicles controlledVehicles, Territories territories, DataContext context,
                            Clock clock) {
        this.geography = new TrackGeography(territories);
        this.spaceWeather = spaceWeather;
        this.spaceWeatherSource = spaceWeather.source();
        this.windowRule = windowRule;
        this.horizon = horizon;
        this.controlledVehicles = controlledVehicles;
        this.context = context;
        this.clock = clock;
    }

    /**
     * The prediction for one object.
     *
     * @param objectName the object's name (for {@link ReentryClass#CONTROLLED})
     * @param history    its element sets, in any order; at least one
     */
    public ReentryPrediction predict(long noradId, String objectName, List<TLE> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("object " + noradId + " has no element set to predict from");
        }
        List<TLE> sets = history.stream().sorted(Comparator.comparing(TLE::getDate)).toList();
        TLE newest = sets.get(sets.size() - 1);
        Instant basis = newest.getDate().toInstant();
        Instant end = basis.plus(horizon);
        ReentryClass reentryClass = classify(objectName, sets);
        if (reentryClass == ReentryClass.HIGHLY_ECCENTRIC) {
            return none(noradId, basis, sets.size(), reentryClass, Optional.empty(), end, String.format(Locale.ROOT,
                    "no epoch: apogee %.0f km, at or above %.0f km (GTO, Molniya or other HEO); the Sun and the Moon"
                            + " move its perigee, which this predictor does not model",
                    apogeeKm(newest), HIGHLY_ECCENTRIC_APOGEE_KM));
        }
        if (spaceWeather.indices().isEmpty()) {
            return none(noradId, basis, sets.size(), reentryClass, Optional.empty(), end,
                    "no epoch: no space weather data on this node (" + spaceWeatherSource + ")");
        }
        NRLMSISE00InputParameters indices = spaceWeather.indices().get();
        AbsoluteDate weatherStart = indices.getMinDate();
        AbsoluteDate weatherEnd = indices.getMaxDate();
        if (newest.getDate().isBefore(weatherStart) || !newest.getDate().isBefore(weatherEnd)) {
            return none(noradId, basis, sets.size(), reentryClass, Optional.empty(), end, "no epoch: the space"
                    + " weather (" + spaceWeatherSource + ") covers " + weatherStart.toInstant() + " to "
                    + weatherEnd.toInstant() + ", not the newest element set's epoch " + basis);
        }
        AbsoluteDate horizonDate = newest.getDate().shiftedBy(horizon.toSeconds());
        if (horizonDate.isAfter(weatherEnd)) {
            horizonDate = weatherEnd;
            end = weatherEnd.toInstant();
        }
        DecayPropagator propagator = propagator(indices);
        Optional<BallisticCoefficient> ballistic;
        try {
            ballistic = ballistic(propagator, sets);
        } catch (OrekitException | IllegalArgumentException | IllegalStateException e) {
            return none(noradId, basis, sets.size(), reentryClass, Optional.empty(), end,
                    "no epoch: the orbit history could not be read as a decaying orbit: " + e.getMessage());
        }
        if (ballistic.isEmpty()) {
            return none(noradId, basis, sets.size(), reentryClass, ballistic, end,
                    "no epoch: the orbit history shows no decay (no fall of the semi-major axis between sets, no"
                            + " positive mean motion rate, no positive B*), so there is no drag to estimate");
        }
        double b = ballistic.get().squareMetersPerKg();
        SpacecraftState mean;
        Optional<AbsoluteDate> reentry;
        try {
            mean = propagator.meanState(newest);
            reentry = propagator.reentry(mean, b, horizonDate);
        } catch (OrekitException | IllegalArgumentException | IllegalStateException e) {
            return none(noradId, basis, sets.size(), reentryClass, ballistic, end,
                    "no epoch: the propagation failed: " + e.getMessage());
        }
        if (reentry.isEmpty()) {
            return new ReentryPrediction(noradId, basis, sets.size(), reentryClass, ReentryOutcome.BEYOND_HORIZON,
                    ballistic, Optional.empty(), Optional.empty(), end, ATMOSPHERE, spaceWeatherSource,
                    "still in orbit at the end of the horizon, " + end + " (" + Duration.between(basis, end).toDays()
                            + " days after the newest element set: " + horizon.toDays() + " days, or the end of the"
                            + " space weather data if sooner)", clock.instant());
        }
        Instant nominal = reentry.get().toInstant();
        if (reentryClass != ReentryClass.UNCONTROLLED) {
            return new ReentryPrediction(noradId, basis, sets.size(), reentryClass, ReentryOutcome.EPOCH_ONLY,
                    ballistic, Optional.of(nominal), Optional.empty(), end, ATMOSPHERE, spaceWeatherSource,
                    epochOnlyStatement(reentryClass), clock.instant());
        }
        ReentryWindow window = windowRule.around(basis, nominal);
        Geography under = geography(propagator, mean, b, reentry.get(), window, Math.toDegrees(newest.getI()));
        return new ReentryPrediction(noradId, basis, sets.size(), reentryClass, ReentryOutcome.WINDOW, ballistic,
                Optional.of(nominal), Optional.of(window), end, ATMOSPHERE, spaceWeatherSource,
                windowStatement() + "; " + under.statement(), clock.instant(), under.track(), under.overflown());
    }

    private record Geography(GroundTrack track, List<Overflight> overflown, String statement) {
    }

    /** The ground track and the states under the window ({@link TrackGeography} says how). */
    private Geography geography(DecayPropagator propagator, SpacecraftState mean, double ballistic,
                                AbsoluteDate reentry, ReentryWindow window, double inclinationDegrees) {
        if (Duration.between(window.opens(), window.closes()).compareTo(TrackGeography.MAX_TRACK_WINDOW) > 0) {
            return new Geography(GroundTrack.NONE, geography.underBand(inclinationDegrees, window), String.format(
                    Locale.ROOT, "no ground track: the window is longer than %d days, so the object may be over any"
                            + " point within its inclination (%.1f°) of the equator during it; every state with ground"
                            + " there is listed as overflown from the window's opening to its close",
                    TrackGeography.MAX_TRACK_WINDOW.toDays(), inclinationDegrees));
        }
        AbsoluteDate opens = new AbsoluteDate(window.opens(), context.getTimeScales().getUTC());
        AbsoluteDate from = opens.isBefore(mean.getDate()) ? mean.getDate() : opens;
        AbsoluteDate to = new AbsoluteDate(window.closes(), context.getTimeScales().getUTC());
        try {
            Frame gcrf = context.getFrames().getGCRF();
            OneAxisEllipsoid wgs84 = ReferenceEllipsoid.getWgs84(
                    context.getFrames().getITRF(IERSConventions.IERS_2010, true));
            List<TrackPoint> samples = new ArrayList<>();
            propagator.positions(mean, ballistic, reentry, from, to, TrackGeography.STEP.toSeconds())
                    .forEach((date, position) -> {
                        GeodeticPoint point = wgs84.transform(position, gcrf, date);
                        samples.add(new TrackPoint(date.toInstant(), Math.toDegrees(point.getLongitude()),
                                Math.toDegrees(point.getLatitude())));
                    });
            List<List<TrackPoint>> lines = TrackGeography.split(samples);
            return new Geography(TrackGeography.track(lines), geography.overflown(lines), String.format(Locale.ROOT,
                    "ground track: every %d s over the window (ITRF, WGS-84), along the predicted decay up to the"
                            + " nominal epoch and after it along the orbit continued without drag (a later"
                            + " re-entry); a state is overflown where a step of the track touches its territory"
                            + " (Natural Earth 1:50m admin-0), first and last overflight to within one step",
                    TrackGeography.STEP.toSeconds()));
        } catch (OrekitException | IllegalArgumentException | IllegalStateException e) {
            return new Geography(GroundTrack.NONE, List.of(), "no ground track and no states overflown: the"
                    + " propagation over the window failed: " + e.getMessage());
        }
    }

    private String windowStatement() {
        return String.format(Locale.ROOT, "nominal epoch: 80 km geodetic altitude under drag alone; window: from %.0f %%"
                        + " of the remaining lifetime (counted from the newest element set) before the nominal epoch"
                        + " to %.0f %% after it, at least %d hours each side; %s (docs/reentry.md)",
                100 * windowRule.earlyFraction(), 100 * windowRule.lateFraction(),
                windowRule.minimumSide().toHours(), windowRule.calibration());
    }

    private static String epochOnlyStatement(ReentryClass reentryClass) {
        return switch (reentryClass) {
            case MANOEUVRING -> "epoch only, no window: the orbit history shows a manoeuvre; the epoch is where drag"
                    + " alone would take it if the object never manoeuvres again";
            case CONTROLLED -> "epoch only, no window: a vehicle its operator de-orbits under control; it re-enters"
                    + " when and where its operator decides; the epoch is where drag alone would take it";
            default -> throw new IllegalArgumentException(reentryClass + " has a window or no epoch");
        };
    }

    private ReentryPrediction none(long noradId, Instant basis, int sets, ReentryClass reentryClass,
                                   Optional<BallisticCoefficient> ballistic, Instant end, String statement) {
        return new ReentryPrediction(noradId, basis, sets, reentryClass, ReentryOutcome.NONE, ballistic,
                Optional.empty(), Optional.empty(), end, ATMOSPHERE, spaceWeatherSource, statement,
                clock.instant());
    }

    private ReentryClass classify(String objectName, List<TLE> sets) {
        if (apogeeKm(sets.get(sets.size() - 1)) >= HIGHLY_ECCENTRIC_APOGEE_KM) {
            return ReentryClass.HIGHLY_ECCENTRIC;
        }
        for (int i = 1; i < sets.size(); i++) {
            if (semiMajorAxisMeters(sets.get(i)) - semiMajorAxisMeters(sets.get(i - 1)) > MANOEUVRE_RISE_METERS) {
                return ReentryClass.MANOEUVRING;
            }
        }
        return controlledVehicles.matches(objectName) ? ReentryClass.CONTROLLED : ReentryClass.UNCONTROLLED;
    }

    /**
     * The ballistic coefficient that makes the modelled decay of the mean semi-major axis match the observed one:
     * between the oldest set of the fit span and the newest (propagated, so that the density along the way counts);
     * or, with one set, at the newest set's mean motion rate (the modelled rate is proportional to the coefficient);
     * or, when neither shows a decay, from its B*.
     */
    private Optional<BallisticCoefficient> ballistic(DecayPropagator propagator, List<TLE> sets) {
        TLE newest = sets.get(sets.size() - 1);
        SpacecraftState newestMean = propagator.meanState(newest);
        Optional<BallisticCoefficient> fromRate = Optional.empty();
        if (newest.getMeanMotionFirstDerivative() > 0) {
            double observedRate = -2.0 / 3.0 * newestMean.getOrbit().getA() / newest.getMeanMotion()
                    * newest.getMeanMotionFirstDerivative();
            double b = observedRate / propagator.meanDecayRatePerUnitBallistic(newestMean);
            fromRate = b > 0 && Double.isFinite(b)
                    ? Optional.of(new BallisticCoefficient(b, BallisticCoefficient.Source.MEAN_MOTION_RATE, 1))
                    : Optional.empty();
        }
        Optional<BallisticCoefficient> single = fromRate.isPresent() ? fromRate
                : newest.getBStar() > 0 ? Optional.of(BallisticCoefficient.fromBstar(newest.getBStar()))
                : Optional.empty();
        AbsoluteDate fitStart = newest.getDate().shiftedBy(-HISTORY_SPAN.toSeconds());
        List<TLE> fitted = sets.stream().filter(t -> !t.getDate().isBefore(fitStart)).toList();
        TLE oldest = fitted.get(0);
        if (newest.getDate().durationFrom(oldest.getDate()) < MIN_FIT_SPAN.toSeconds()) {
            return single;
        }
        SpacecraftState start = propagator.meanState(oldest);
        double observedDrop = start.getOrbit().getA() - newestMean.getOrbit().getA();
        if (!(observedDrop > 0)) {
            return single;
        }
        double b = single.map(BallisticCoefficient::squareMetersPerKg).orElse(DEFAULT_GUESS_SQUARE_METERS_PER_KG);
        try {
            for (int iteration = 0; iteration < FIT_ITERATIONS; iteration++) {
                double modelledDrop = start.getOrbit().getA()
                        - propagator.meanStateAt(start, b, newest.getDate()).getOrbit().getA();
                if (!(modelledDrop > 0)) {
                    return single;
                }
                b *= observedDrop / modelledDrop;
            }
        } catch (OrekitException | IllegalArgumentException e) {
            return single;
        }
        return Optional.of(new BallisticCoefficient(b, BallisticCoefficient.Source.OBSERVED_DECAY, fitted.size()));
    }

    private DecayPropagator propagator(NRLMSISE00InputParameters indices) {
        Frames frames = context.getFrames();
        OneAxisEllipsoid earth = ReferenceEllipsoid.getWgs84(RotatingEarthFrame.of(frames, context.getTimeScales()));
        TimeScale utc = context.getTimeScales().getUTC();
        NRLMSISE00 atmosphere = new NRLMSISE00(new SpaceWeatherSlots(indices,
                new AbsoluteDate(2000, 1, 1, utc)), new AnalyticalSolarPositionProvider(context), earth, utc);
        return new DecayPropagator(atmosphere, frames, earth);
    }

    static double semiMajorAxisMeters(TLE tle) {
        double n = tle.getMeanMotion();
        return Math.cbrt(TLEConstants.MU / (n * n));
    }

    static double apogeeKm(TLE tle) {
        return (semiMajorAxisMeters(tle) * (1 + tle.getE()) - Sgp4.EARTH_RADIUS_METERS) / 1000.0;
    }
}
