package org.concord.reentry;

import org.orekit.models.earth.atmosphere.NRLMSISE00InputParameters;
import org.orekit.time.AbsoluteDate;

/**
 * The space-weather indices the atmosphere model asks for, remembered for the three-hour slot (the Ap values) and
 * the day (the fluxes) last asked: the model asks for them at every point of every revolution, and the indices
 * change only at those boundaries. Slots are counted from 2000-01-01T00:00 UTC in elapsed seconds, so a boundary
 * may be taken up to the leap seconds since then (under a minute) late. One per prediction (not thread-safe).
 */
final class SpaceWeatherSlots implements NRLMSISE00InputParameters {

    private static final double THREE_HOURS_SECONDS = 3 * 3600.0;
    private static final double DAY_SECONDS = 86_400.0;
    private static final long serialVersionUID = 1L;

    private final NRLMSISE00InputParameters source;
    private final AbsoluteDate origin;
    private long apSlot = Long.MIN_VALUE;
    private double[] ap;
    private long fluxDay = Long.MIN_VALUE;
    private double dailyFlux;
    private double averageFlux;

    SpaceWeatherSlots(NRLMSISE00InputParameters source, AbsoluteDate utcOrigin) {
        this.source = source;
        this.origin = utcOrigin;
    }

    @Override
    public AbsoluteDate getMinDate() {
        return source.getMinDate();
    }

    @Override
    public AbsoluteDate getMaxDate() {
        return source.getMaxDate();
    }

    @Override
    public double getDailyFlux(AbsoluteDate date) {
        loadFluxes(date);
        return dailyFlux;
    }

    @Override
    public double getAverageFlux(AbsoluteDate date) {
        loadFluxes(date);
        return averageFlux;
    }

    @Override
    public double[] getAp(AbsoluteDate date) {
        long slot = (long) Math.floor(date.durationFrom(origin) / THREE_HOURS_SECONDS);
        if (slot != apSlot) {
            ap = source.getAp(date);
            apSlot = slot;
        }
        return ap;
    }

    private void loadFluxes(AbsoluteDate date) {
        long day = (long) Math.floor(date.durationFrom(origin) / DAY_SECONDS);
        if (day != fluxDay) {
            dailyFlux = source.getDailyFlux(date);
            averageFlux = source.getAverageFlux(date);
            fluxDay = day;
        }
    }
}
