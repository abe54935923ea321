package org.concord.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.orbit.EarthCentredContext;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.Orbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.StateCovariance;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

/** The NASA CARA test vectors of src/test/resources/pc, as Orekit orbits and covariances. */
final class PcTestData {

    /** An arbitrary date: the vectors are given at TCA without one. */
    static final AbsoluteDate TCA = new AbsoluteDate(2000, 1, 1, 12, 0, 0.0,
            EarthCentredContext.get().getTimeScales().getUTC());

    private PcTestData() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = PcTestData.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ECI (J2000) frame of the vectors. */
    static Frame eci() {
        return EarthCentredContext.get().getFrames().getEME2000();
    }

    static Orbit orbit(JsonNode r, JsonNode v, double toMetres) {
        return new CartesianOrbit(new PVCoordinates(vector(r, toMetres), vector(v, toMetres)), eci(), TCA,
                Constants.IERS2010_EARTH_MU);
    }

    /** A 6x6 covariance, or a 3x3 position covariance padded with zero velocity terms. */
    static StateCovariance covariance(JsonNode rows, double toMetres) {
        int n = rows.size();
        RealMatrix m = MatrixUtils.createRealMatrix(6, 6);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, rows.get(i).get(j).asDouble() * toMetres * toMetres);
            }
        }
        return new StateCovariance(m, TCA, eci(), OrbitType.CARTESIAN, PositionAngleType.TRUE);
    }

    private static Vector3D vector(JsonNode a, double scale) {
        return new Vector3D(a.get(0).asDouble() * scale, a.get(1).asDouble() * scale, a.get(2).asDouble() * scale);
    }
}
