package org.concord.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hipparchus.linear.RealMatrix;
import org.orekit.errors.OrekitException;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.OrbitRelativeFrame;
import org.orekit.files.ccsds.ndm.odm.CartesianCovariance;
import org.orekit.frames.Frame;
import org.orekit.frames.LOFType;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.BoundedPropagator;
import org.orekit.propagation.StateCovariance;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScales;

/**
 * The covariance blocks of one OEM segment, each turned into the radial / in-track / cross-track frame of the
 * ephemeris at its own epoch (Orekit's {@code StateCovariance.changeCovarianceFrame} to {@code LOFType.QSW_INERTIAL},
 * from the block's {@code COV_REF_FRAME}: a celestial frame such as EME2000, GCRF, TEME or ITRF, or a local orbital
 * frame such as RTN), and the covariance at a TCA read from them by one rule:
 * <ul>
 * <li>at a block's epoch (within 1 ms), that block;</li>
 * <li>between two blocks' epochs, the linear interpolation in time of the two RTN matrices, entry by entry (a convex
 * combination of two covariances, so positive semi-definite when they are);</li>
 * <li>before the first or after the last block of the segment, or in a segment without blocks: none. A covariance is
 * never extrapolated, as the ephemeris itself is not.</li>
 * </ul>
 * A block whose epoch lies outside the segment's interpolated span, or whose frame Orekit cannot turn into RTN (a
 * spacecraft body frame), is not used.
 */
final class EphemerisCovariance {

    /** Epochs within this of each other are the same. */
    private static final double SAME_EPOCH_SECONDS = 1e-3;

    /** One block: its epoch and its covariance in the ephemeris' RTN frame at that epoch (m², m²/s, m²/s²). */
    private record Block(AbsoluteDate epoch, RealMatrix rtn) {
    }

    /** The covariance at a TCA, or why there is none. */
    sealed interface At permits Found, None {
    }

    /**
     * The primary's covariance at TCA in its RTN frame (Orekit's {@code QSW_INERTIAL}); {@code from} is what it was
     * read from, in plain ASCII.
     */
    record Found(RealMatrix rtn, String from) implements At {

        /** The standard deviation along axis 0 (radial), 1 (in-track) or 2 (cross-track), metres. */
        double sigmaMeters(int axis) {
            return Math.sqrt(rtn.getEntry(axis, axis));
        }

        /** As Orekit's state covariance at {@code tca}. */
        StateCovariance toOrekit(AbsoluteDate tca) {
            return new StateCovariance(rtn, tca, LOFType.QSW_INERTIAL);
        }
    }

    /** No covariance at this TCA, and why. */
    record None(String reason) implements At {
    }

    private final List<Block> blocks;
    private final List<String> unusable;
    private final TimeScales utc;

    private EphemerisCovariance(List<Block> blocks, List<String> unusable, TimeScales utc) {
        this.blocks = blocks;
        this.unusable = unusable;
        this.utc = utc;
    }

    /** The blocks of a segment whose states Orekit interpolates with {@code trajectory}. */
    static EphemerisCovariance of(List<CartesianCovariance> covariances, BoundedPropagator trajectory, double mu,
                                  TimeScales utc) {
        List<Block> blocks = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        Frame inertial = trajectory.getFrame().isPseudoInertial() ? trajectory.getFrame()
                : org.orekit.frames.FramesFactory.getGCRF();
        for (CartesianCovariance c : covariances) {
            AbsoluteDate epoch = c.getEpoch();
            if (epoch.compareTo(trajectory.getMinDate()) < 0 || epoch.compareTo(trajectory.getMaxDate()) > 0) {
                unusable.add("the covariance of " + epoch.toInstant(utc) + " lies outside the segment's span");
                continue;
            }
            try {
                StateCovariance given = stateCovariance(c);
                CartesianOrbit orbit = new CartesianOrbit(trajectory.getPVCoordinates(epoch, inertial), inertial,
                        epoch, mu);
                RealMatrix rtn = given.getLOF() != null && given.getLOF() == LOFType.QSW_INERTIAL ? given.getMatrix()
                        : given.changeCovarianceFrame(orbit, LOFType.QSW_INERTIAL).getMatrix();
                blocks.add(new Block(epoch, rtn));
            } catch (OrekitException | IllegalArgumentException e) {
                unusable.add("the covariance of " + epoch.toInstant(utc) + " cannot be turned into RTN: "
                        + e.getMessage());
            }
        }
        blocks.sort(Comparator.comparing(Block::epoch));
        return new EphemerisCovariance(List.copyOf(blocks), List.copyOf(unusable), utc);
    }

    private static StateCovariance stateCovariance(CartesianCovariance c) {
        FrameFacade frame = c.getReferenceFrame();
        RealMatrix matrix = c.getCovarianceMatrix();
        if (frame.asFrame() != null) {
            return new StateCovariance(matrix, c.getEpoch(), frame.asFrame(), OrbitType.CARTESIAN,
                    PositionAngleType.TRUE);
        }
        OrbitRelativeFrame relative = frame.asOrbitRelativeFrame();
        if (relative != null && relative.getLofType() != null) {
            return new StateCovariance(matrix, c.getEpoch(), relative.getLofType());
        }
        throw new IllegalArgumentException("its frame " + frame.getName() + " is neither a celestial frame nor a"
                + " local orbital frame Orekit knows");
    }

    /** Whether the segment has any usable block. */
    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The covariance at {@code tca} by the rule of the class comment. */
    At at(AbsoluteDate tca) {
        if (blocks.isEmpty()) {
            return new None("the OEM segment holding TCA has no usable covariance"
                    + (unusable.isEmpty() ? "" : " (" + unusable.getFirst() + ")"));
        }
        for (int k = 0; k < blocks.size(); k++) {
            Block b = blocks.get(k);
            double fromEpoch = tca.durationFrom(b.epoch());
            if (Math.abs(fromEpoch) <= SAME_EPOCH_SECONDS) {
                return new Found(b.rtn(), "the OEM's covariance of " + instant(b.epoch()));
            }
            if (fromEpoch < 0) {
                if (k == 0) {
                    return outside();
                }
                Block a = blocks.get(k - 1);
                double w = tca.durationFrom(a.epoch()) / b.epoch().durationFrom(a.epoch());
                RealMatrix rtn = a.rtn().scalarMultiply(1 - w).add(b.rtn().scalarMultiply(w));
                return new Found(rtn, String.format(Locale.ROOT, "the OEM's covariances of %s and %s interpolated"
                        + " in RTN (weight %.3f on the later)", instant(a.epoch()), instant(b.epoch()), w));
            }
        }
        return outside();
    }

    private None outside() {
        return new None("TCA lies outside the OEM segment's covariance epochs (" + instant(blocks.getFirst().epoch())
                + " to " + instant(blocks.getLast().epoch()) + "), and a covariance is never extrapolated");
    }

    private Instant instant(AbsoluteDate date) {
        return date.toInstant(utc);
    }
}
