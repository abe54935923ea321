package org.concord.orbit;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/** Three Cartesian components; the unit is in the name of the field holding it. */
public record Vector3(double x, double y, double z) {

    static Vector3 of(Vector3D v) {
        return new Vector3(v.getX(), v.getY(), v.getZ());
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
