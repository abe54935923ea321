package org.concord.screening;

/**
 * Times at which to propagate one object with {@link BatchSgp4#propagate(int, StateBatch)}, and the states and SGP4
 * error codes that call writes back, one column per quantity (structure of arrays): position (m) and velocity (m/s) in
 * TEME, and 0 or the Vallado error code per time. Reused from call to call (no allocation on the hot path); one per
 * thread. The arrays are longer than the capacity asked for, up to a whole number of the widest vectors, so that the
 * vector kernel reads and writes whole vectors.
 */
public final class StateBatch {

    /** The widest vector of doubles any platform of the Vector API offers (2,048-bit SVE). */
    private static final int PAD = 32;

    final double[] seconds;
    final double[] x;
    final double[] y;
    final double[] z;
    final double[] vx;
    final double[] vy;
    final double[] vz;
    final int[] code;
    /**
     * Per time, for the deep-space vector kernel: a resonant object's resonant angle (rad), mean motion (rad/min) and
     * {@code (XKE / n)^(2/3)} (Earth radii), computed time by time before the vector pass.
     */
    final double[] resonantAngle;
    final double[] resonantMotion;
    final double[] resonantAxis;
    /** One state, for the scalar kernel. */
    final double[] scratch = new double[6];
    int count;

    /** Room for {@code capacity} times. */
    public StateBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a state batch holds at least one time, not " + capacity);
        }
        int length = (capacity + PAD - 1) / PAD * PAD;
        seconds = new double[length];
        x = new double[length];
        y = new double[length];
        z = new double[length];
        vx = new double[length];
        vy = new double[length];
        vz = new double[length];
        code = new int[length];
        resonantAngle = new double[length];
        resonantMotion = new double[length];
        resonantAxis = new double[length];
    }

    /** Forgets the times (and states) held. */
    public void clear() {
        count = 0;
    }

    /** Adds a time, in seconds from the kernel's reference date. */
    public void add(double secondsFromReference) {
        if (count >= seconds.length) {
            throw new IllegalStateException("state batch full at " + count + " times");
        }
        seconds[count++] = secondsFromReference;
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return seconds.length;
    }

    public double seconds(int m) {
        return seconds[m];
    }

    /** 0, or the Vallado error code of the m-th time (the state is then undefined). */
    public int code(int m) {
        return code[m];
    }

    /** The m-th position's x (m, TEME). */
    public double x(int m) {
        return x[m];
    }

    /** Writes the m-th state (x, y, z, vx, vy, vz) to {@code out[offset .. offset + 5]}. */
    public void copyState(int m, double[] out, int offset) {
        out[offset] = x[m];
        out[offset + 1] = y[m];
        out[offset + 2] = z[m];
        out[offset + 3] = vx[m];
        out[offset + 4] = vy[m];
        out[offset + 5] = vz[m];
    }

    /** Pads the times after the last one with the last one, up to the arrays' end (whole vectors). */
    void padTimes() {
        double last = count > 0 ? seconds[count - 1] : 0.0;
        for (int m = count; m < seconds.length; m++) {
            seconds[m] = last;
        }
    }
}
