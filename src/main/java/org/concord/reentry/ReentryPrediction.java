package org.concord.reentry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A re-entry prediction for one object, with what it rests on and what it means.
 *
 * @param noradId            the object
 * @param basisEpoch         the epoch of the newest element set used: the prediction knows nothing later
 * @param elementSets        how many element sets it used
 * @param reentryClass       the kind of re-entry, which decides whether a window is given
 * @param outcome            what the prediction could say
 * @param ballistic          the ballistic coefficient used, when one could be estimated
 * @param nominal            the predicted re-entry epoch (80 km geodetic altitude), when predicted
 * @param window             the calibrated window, only for {@link ReentryOutcome#WINDOW}
 * @param horizon            the end of the span propagated
 * @param atmosphere         the atmosphere model
 * @param spaceWeatherSource where the solar flux and geomagnetic indices came from
 * @param statement          in words: what the result means, or why there is no epoch or window
 * @param predictedAt        when the prediction was made
 * @param groundTrack        the sub-satellite track over the window (empty without a window, or for a window longer
 *                           than {@code TrackGeography.MAX_TRACK_WINDOW}: see the statement)
 * @param overflown          the states and territories under the window, soonest first
 */
public record ReentryPrediction(long noradId, Instant basisEpoch, int elementSets, ReentryClass reentryClass,
                                ReentryOutcome outcome, Optional<BallisticCoefficient> ballistic,
                                Optional<Instant> nominal, Optional<ReentryWindow> window, Instant horizon,
                                String atmosphere, String spaceWeatherSource, String statement,
                                Instant predictedAt, GroundTrack groundTrack, List<Overflight> overflown) {

    public ReentryPrediction {
        overflown = List.copyOf(overflown);
    }

    /** Whether the window overflies the territory of the state with this ISO 3166-1 alpha-3 code. */
    public boolean overflies(String alpha3) {
        return overflown.stream().anyMatch(o -> o.territory().alpha3().filter(alpha3::equals).isPresent());
    }

    /**
     * The parties concerned by this prediction among {@code nations} (ISO 3166-1 alpha-3 codes of nation parties):
     * those whose territory the window overflies, by code.
     */
    public SortedSet<String> concerned(Collection<String> nations) {
        return nations.stream().filter(this::overflies).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A prediction without a ground track and states overflown (no window, or made elsewhere without them). */
    public ReentryPrediction(long noradId, Instant basisEpoch, int elementSets, ReentryClass reentryClass,
                             ReentryOutcome outcome, Optional<BallisticCoefficient> ballistic, Optional<Instant> nominal,
                             Optional<ReentryWindow> window, Instant horizon, String atmosphere,
                             String spaceWeatherSource, String statement, Instant predictedAt) {
        this(noradId, basisEpoch, elementSets, reentryClass, outcome, ballistic, nominal, window, horizon, atmosphere,
                spaceWeatherSource, statement, predictedAt, GroundTrack.NONE, List.of());
    }
}
