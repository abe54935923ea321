package org.concord.covariance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.concord.orbit.PropagationException;
import org.concord.orbit.Sgp4;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.frames.LOFType;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.utils.PVCoordinates;

/**
 * An object's element sets (the latest, its {@link #reference()}, and the ones before it) and the covariance of the
 * reference's prediction estimated from them by "TLE differencing" (Osweiler, <i>Covariance estimation and
 * autocorrelation of NORAD two-line element sets</i>, AFIT thesis, 2006; Flohrer, Krag and Klinkrad, <i>Assessment
 * and categorization of TLE orbit errors for the US SSN catalogue</i>, AMOS 2008):
 * <ol>
 * <li>every element set is propagated with SGP4 to the epoch of every later one, and the difference from the later
 * one's own state (the best that element set knows, at its epoch) is taken in the later state's radial / in-track /
 * cross-track frame: one sample of the prediction error (position and velocity) over that span;</li>
 * <li>the covariance of a prediction {@code Δt} from the reference's epoch is the second moment (about zero, so that
 * a bias of the element sets counts as error) of the samples whose span lies within {@code |Δt|} ± max(12 h,
 * {@code |Δt|}/4); with fewer than {@link #MIN_SAMPLES} such samples there is no estimate (never extrapolated beyond
 * the spans the history has).</li>
 * </ol>
 * Only the {@link #MAX_SETS} latest element sets within {@link #LOOKBACK} of the reference are used, which bounds
 * the cost to at most {@code MAX_SETS·(MAX_SETS+1)/2} SGP4 propagations per object (computed once, on the first
 * estimate asked for). A manoeuvre between two element sets makes their difference large: the estimate grows, as
 * the prediction's real uncertainty across a manoeuvre does. Not thread-safe.
 */
public final class ElementSetHistory {

    /** Element sets older than this before the reference are not used. */
    public static final Duration LOOKBACK = Duration.ofDays(30);
    /** At most this many element sets (the latest) are used. */
    public static final int MAX_SETS = 30;
    /** Fewer samples than this in a span's bin give no estimate (a 6 x 6 second moment needs more than 6). */
    public static final int MIN_SAMPLES = 10;
    /** The smallest half-width of a span's bin. */
    public static final Duration MIN_HALF_WIDTH = Duration.ofHours(12);
    /** The half-width of a span's bin relative to the span, where larger than {@link #MIN_HALF_WIDTH}. */
    public static final double RELATIVE_HALF_WIDTH = 0.25;

    /** One difference: span in seconds, then radial, in-track, cross-track position (m) and velocity (m/s). */
    record Sample(double spanSeconds, double[] error) {
    }

    private final List<TLE> sets;
    private List<Sample> samples;

    private ElementSetHistory(List<TLE> sets) {
        this.sets = sets;
    }

    /**
     * The history of {@code reference} from {@code elementSets} (in any order; those after the reference's epoch, of
     * another object, or at an epoch already present are left out).
     */
    public static ElementSetHistory of(TLE reference, List<TLE> elementSets) {
        TreeMap<org.orekit.time.AbsoluteDate, TLE> byEpoch = new TreeMap<>();
        for (TLE t : elementSets) {
            double before = reference.getDate().durationFrom(t.getDate());
            if (t.getSatelliteNumber() == reference.getSatelliteNumber() && before > 0
                    && before <= LOOKBACK.toSeconds()) {
                byEpoch.putIfAbsent(t.getDate(), t);
            }
        }
        List<TLE> sets = new ArrayList<>(byEpoch.values());
        sets.add(reference);
        return new ElementSetHistory(List.copyOf(sets.subList(Math.max(0, sets.size() - MAX_SETS), sets.size())));
    }

    /** The element set whose predictions are estimated: the latest. */
    public TLE reference() {
        return sets.getLast();
    }

    /** How many element sets are used (the reference included). */
    public int size() {
        return sets.size();
    }

    /**
     * The covariance of the reference's prediction {@code fromEpoch} after (or before) its epoch, if the history has
     * at least {@link #MIN_SAMPLES} differences over spans near it.
     */
    public Optional<EstimatedCovariance> at(Duration fromEpoch) {
        double span = Math.abs(fromEpoch.toMillis() / 1000.0);
        double halfWidth = Math.max(MIN_HALF_WIDTH.toSeconds(), RELATIVE_HALF_WIDTH * span);
        double[][] moment = new double[6][6];
        int n = 0;
        for (Sample s : samples()) {
            if (Math.abs(s.spanSeconds() - span) <= halfWidth) {
                double[] e = s.error();
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        moment[i][j] += e[i] * e[j];
                    }
                }
                n++;
            }
        }
        if (n < MIN_SAMPLES) {
            return Optional.empty();
        }
        for (double[] row : moment) {
            for (int j = 0; j < 6; j++) {
                row[j] /= n;
            }
        }
        return Optional.of(new EstimatedCovariance(moment, Duration.ofMillis(Math.round(span * 1000)),
                Duration.ofMillis(Math.round(halfWidth * 1000)), n, sets.size()));
    }

    /** Every difference of the history, by span. */
    List<Sample> samples() {
        if (samples == null) {
            samples = differences();
        }
        return samples;
    }

    private List<Sample> differences() {
        List<Sample> found = new ArrayList<>();
        PVCoordinates[] atOwnEpoch = new PVCoordinates[sets.size()];
        Sgp4[] propagators = new Sgp4[sets.size()];
        for (int k = 0; k < sets.size(); k++) {
            try {
                propagators[k] = Sgp4.of(sets.get(k));
                atOwnEpoch[k] = propagators[k].temePv(sets.get(k).getDate());
            } catch (PropagationException e) {
                // an element set SGP4 refuses at its own epoch gives no differences
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            if (propagators[i] == null) {
                continue;
            }
            for (int k = i + 1; k < sets.size(); k++) {
                if (atOwnEpoch[k] == null) {
                    continue;
                }
                try {
                    PVCoordinates predicted = propagators[i].temePv(sets.get(k).getDate());
                    found.add(new Sample(sets.get(k).getDate().durationFrom(sets.get(i).getDate()),
                            inRtn(predicted, atOwnEpoch[k])));
                } catch (PropagationException e) {
                    // an SGP4 error over this span: no difference for the pair
                }
            }
        }
        found.sort(Comparator.comparingDouble(Sample::spanSeconds));
        return List.copyOf(found);
    }

    /** {@code predicted − truth} in the radial / in-track / cross-track frame of {@code truth}. */
    static double[] inRtn(PVCoordinates predicted, PVCoordinates truth) {
        Rotation toRtn = LOFType.QSW_INERTIAL.rotationFromInertial(truth);
        Vector3D dp = toRtn.applyTo(predicted.getPosition().subtract(truth.getPosition()));
        Vector3D dv = toRtn.applyTo(predicted.getVelocity().subtract(truth.getVelocity()));
        return new double[] {dp.getX(), dp.getY(), dp.getZ(), dv.getX(), dv.getY(), dv.getZ()};
    }
}
