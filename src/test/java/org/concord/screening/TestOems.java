package org.concord.screening;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.concord.orbit.EarthCentredContext;
import org.concord.orbit.Sgp4;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.CartesianCovariance;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.oem.InterpolationMethod;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemData;
import org.orekit.files.ccsds.ndm.odm.oem.OemMetadata;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.files.ccsds.ndm.odm.oem.OemWriter;
import org.orekit.files.ccsds.utils.generation.KvnGenerator;
import org.orekit.forces.gravity.J2OnlyPerturbation;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.ToleranceProvider;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.numerical.NumericalPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinates;

/** OEMs of real catalog objects for tests: SGP4 states of a bundled TLE, in GCRF, written by Orekit's OEM writer. */
final class TestOems {

    static final Frame GCRF = FramesFactory.getGCRF();
    static final Frame TEME = FramesFactory.getTEME();

    private TestOems() {
    }

    /** The object's SGP4 states every {@code step} over {@code [from, to]}, in GCRF. */
    static List<TimeStampedPVCoordinates> sgp4States(TLE tle, Instant from, Instant to, Duration step) {
        Sgp4 sgp4 = Sgp4.of(tle);
        List<TimeStampedPVCoordinates> states = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
            AbsoluteDate date = new AbsoluteDate(t, TimeScalesFactory.getUTC());
            PVCoordinates teme = sgp4.temePv(date);
            states.add(TEME.getTransformTo(GCRF, date).transformPVCoordinates(
                    new TimeStampedPVCoordinates(date, teme.getPosition(), teme.getVelocity())));
        }
        return states;
    }

    /**
     * States every {@code step} over {@code [from, to]} after an impulsive manoeuvre of {@code deltaV} (GCRF, m/s)
     * at {@code from} on {@code state}, numerically (J2 only).
     */
    static List<TimeStampedPVCoordinates> afterManoeuvre(TimeStampedPVCoordinates state, Vector3D deltaV, Instant to,
                                                         Duration step) {
        double mu = Constants.WGS84_EARTH_MU;
        CartesianOrbit orbit = new CartesianOrbit(new TimeStampedPVCoordinates(state.getDate(), state.getPosition(),
                state.getVelocity().add(deltaV)), GCRF, mu);
        double[][] tolerances = ToleranceProvider.getDefaultToleranceProvider(1e-4).getTolerances(orbit,
                OrbitType.CARTESIAN);
        NumericalPropagator propagator = new NumericalPropagator(new DormandPrince853Integrator(1e-3, 60,
                tolerances[0], tolerances[1]));
        propagator.setOrbitType(OrbitType.CARTESIAN);
        propagator.addForceModel(new J2OnlyPerturbation(mu, Constants.WGS84_EARTH_EQUATORIAL_RADIUS,
                -Constants.WGS84_EARTH_C20, FramesFactory.getITRF(IERSConventions.IERS_2010, true)));
        propagator.setInitialState(new SpacecraftState(orbit));
        List<TimeStampedPVCoordinates> states = new ArrayList<>();
        AbsoluteDate end = new AbsoluteDate(to, TimeScalesFactory.getUTC());
        for (AbsoluteDate date = state.getDate(); !date.isAfter(end); date = date.shiftedBy(step.toSeconds())) {
            states.add(propagator.propagate(date).getPVCoordinates(GCRF));
        }
        return states;
    }

    /** A KVN OEM of {@code objectId} with one segment per list of GCRF states (Hermite, degree 3). */
    static String oem(String objectId, String objectName, List<List<TimeStampedPVCoordinates>> segments) {
        return oem(objectId, objectName, segments, false);
    }

    /**
     * As {@link #oem(String, String, List)}; with {@code covariance}, each segment carries a diagonal covariance at
     * its first state (100 m, 0.1 m/s standard deviations).
     */
    static String oem(String objectId, String objectName, List<List<TimeStampedPVCoordinates>> segments,
                      boolean covariance) {
        return oem(objectId, objectName, segments, covariance, s -> null);
    }

    /**
     * A KVN OEM of {@code objectId} with one segment per list of GCRF states, and a covariance block ({@code
     * COV_REF_FRAME = GCRF}) at each state for which {@code covariances} gives a 6 x 6 GCRF covariance (SI units).
     */
    static String oem(String objectId, String objectName, List<List<TimeStampedPVCoordinates>> segments,
                      java.util.function.Function<TimeStampedPVCoordinates, double[][]> covariances) {
        return oem(objectId, objectName, segments, false, covariances);
    }

    private static String oem(String objectId, String objectName, List<List<TimeStampedPVCoordinates>> segments,
                              boolean covariance,
                              java.util.function.Function<TimeStampedPVCoordinates, double[][]> covariances) {
        double mu = Constants.WGS84_EARTH_MU;
        List<OemSegment> oemSegments = new ArrayList<>();
        for (List<TimeStampedPVCoordinates> states : segments) {
            OemMetadata metadata = new OemMetadata(1);
            metadata.setObjectName(objectName);
            metadata.setObjectID(objectId);
            metadata.setCenter(BodyFacade.create(CenterName.EARTH, EarthCentredContext.get()));
            metadata.setReferenceFrame(FrameFacade.map(GCRF));
            metadata.setTimeSystem(TimeSystem.UTC);
            metadata.setStartTime(states.get(0).getDate());
            metadata.setStopTime(states.get(states.size() - 1).getDate());
            metadata.setInterpolationMethod(InterpolationMethod.HERMITE);
            metadata.setInterpolationDegree(3);
            OemData data = new OemData();
            states.forEach(s -> data.addData(s, false));
            for (TimeStampedPVCoordinates s : states) {
                double[][] c = covariances.apply(s);
                if (c == null) {
                    continue;
                }
                CartesianCovariance matrix = new CartesianCovariance(() -> FrameFacade.map(GCRF));
                matrix.setEpoch(s.getDate());
                matrix.setReferenceFrame(FrameFacade.map(GCRF));
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j <= i; j++) {
                        matrix.setCovarianceMatrixEntry(i, j, c[i][j]);
                    }
                }
                data.addCovarianceMatrix(matrix);
            }
            if (covariance) {
                CartesianCovariance matrix = new CartesianCovariance(() -> FrameFacade.map(GCRF));
                matrix.setEpoch(states.get(0).getDate());
                matrix.setReferenceFrame(FrameFacade.map(GCRF));
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j <= i; j++) {
                        matrix.setCovarianceMatrixEntry(i, j, i != j ? 0.0 : i < 3 ? 1.0e4 : 1.0e-2);
                    }
                }
                data.addCovarianceMatrix(matrix);
            }
            oemSegments.add(new OemSegment(metadata, data, mu));
        }
        OdmHeader header = new OdmHeader();
        header.setFormatVersion(OemWriter.CCSDS_OEM_VERS);
        header.setCreationDate(new AbsoluteDate(Instant.parse("2024-07-05T00:00:00Z"), TimeScalesFactory.getUTC()));
        header.setOriginator("TEST");
        StringWriter out = new StringWriter();
        try {
            new WriterBuilder(EarthCentredContext.get()).buildOemWriter().writeMessage(new KvnGenerator(out,
                    OemWriter.KVN_PADDING_WIDTH, "test.oem", Constants.JULIAN_DAY, 0), new Oem(header, oemSegments,
                    IERSConventions.IERS_2010, EarthCentredContext.get(), mu));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
