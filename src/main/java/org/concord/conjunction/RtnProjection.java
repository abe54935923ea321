package org.concord.conjunction;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.frames.LOFType;
import org.orekit.utils.PVCoordinates;

/**
 * A miss vector in the primary's RTN frame: radial along the position, cross-track along the orbital angular
 * momentum r x v, in-track = N x R. This is Orekit's {@link LOFType#QSW} local orbital frame; the screeners project
 * every close approach they keep with the allocation-free {@link #project(double[], double, double, double)}, which
 * {@code RtnProjectionTest} holds to Orekit's rotation to 1e-9 of the miss distance.
 */
public final class RtnProjection {

    private RtnProjection() {
    }

    /** The miss vector (dx, dy, dz) in the RTN frame of a primary at position/velocity {@code pv} (x, y, z, vx, vy, vz). */
    public static double[] project(double[] pv, double dx, double dy, double dz) {
        double rn = Math.sqrt(pv[0] * pv[0] + pv[1] * pv[1] + pv[2] * pv[2]);
        double rx = pv[0] / rn;
        double ry = pv[1] / rn;
        double rz = pv[2] / rn;
        double nx = pv[1] * pv[5] - pv[2] * pv[4];
        double ny = pv[2] * pv[3] - pv[0] * pv[5];
        double nz = pv[0] * pv[4] - pv[1] * pv[3];
        double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx /= nn;
        ny /= nn;
        nz /= nn;
        double tx = ny * rz - nz * ry;
        double ty = nz * rx - nx * rz;
        double tz = nx * ry - ny * rx;
        return new double[] {dx * rx + dy * ry + dz * rz, dx * tx + dy * ty + dz * tz, dx * nx + dy * ny + dz * nz};
    }

    /** The miss vector in the RTN frame of a primary at {@code primary}, by Orekit's QSW local orbital frame. */
    public static double[] project(PVCoordinates primary, Vector3D miss) {
        return LOFType.QSW.rotationFromInertial(primary).applyTo(miss).toArray();
    }
}
