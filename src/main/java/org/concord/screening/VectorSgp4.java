package org.concord.screening;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.concord.orbit.Sgp4Error;
import org.orekit.propagation.analytical.tle.TLEConstants;

/**
 * {@link BatchSgp4}'s near-Earth kernel over the JDK Vector API ({@code jdk.incubator.vector}): one object at many
 * times, one time per lane (8 lanes of doubles with AVX-512, 4 with AVX2), the object's coefficients broadcast. It
 * performs the scalar kernel's operations in the scalar kernel's order (no fused multiply-add, the same association),
 * so that every lane gives what {@link BatchSgp4#propagate(int, double, double[], int)} gives except where the
 * lanewise sine and cosine (SVML on x86, within 1 ulp of the exact result, where {@link Math#sin} is within 1 ulp too)
 * round differently; the mean-to-eccentric anomaly iteration runs until every lane has converged (lanes that converged
 * keep the values of their last iteration, as the scalar loop's {@code break} does). Error codes are decided per lane
 * with the scalar kernel's tests in its order: 1 (mean eccentricity), 4 (semi-latus rectum), 1 (eccentricity within
 * 1e-6 of 1), 6 (under one Earth radius).
 * <p>
 * Loaded only where the module {@code jdk.incubator.vector} is in the boot layer (the launcher, the tests and the
 * benchmarks add it); elsewhere {@link BatchSgp4} keeps to its scalar kernel.
 */
final class VectorSgp4 {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double XKE = TLEConstants.XKE;
    private static final double CK2 = TLEConstants.CK2;
    private static final double A3OVK2 = TLEConstants.A3OVK2;
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double TWO_52 = 0x1p52;
    private static final double RADIUS_FACTOR = 1000 * TLEConstants.EARTH_RADIUS;
    private static final double VELOCITY_FACTOR = 1000.0 * TLEConstants.EARTH_RADIUS / 60.0;

    private VectorSgp4() {
    }

    /** Lanes per vector on this machine. */
    static int lanes() {
        return SPECIES.length();
    }

    /** Propagates near-Earth object {@code j} of {@code k} to every time of {@code b}. */
    static void propagate(BatchSgp4 k, int j, StateBatch b) {
        b.padTimes();
        final double epoch = k.epochOffset[j];
        final double m0 = k.m0[j];
        final double argp0 = k.argp0[j];
        final double raan0 = k.raan0[j];
        final double e0 = k.e0[j];
        final double i0 = k.i0[j];
        final double xmdot = k.xmdot[j];
        final double omgdot = k.omgdot[j];
        final double xnodot = k.xnodot[j];
        final double xnodcf = k.xnodcf[j];
        final double c1 = k.c1[j];
        final double bstarC4 = k.bstar[j] * k.c4[j];
        final double bstarC5 = k.bstar[j] * k.c5[j];
        final double t2cof = k.t2cof[j];
        final boolean low = k.lessThan220[j];
        final double omgcof = k.omgcof[j];
        final double xmcof = k.xmcof[j];
        final double eta = k.eta[j];
        final double delM0 = k.delM0[j];
        final double d2 = k.d2[j];
        final double d3 = k.d3[j];
        final double d4 = k.d4[j];
        final double t3cof = k.t3cof[j];
        final double t4cof = k.t4cof[j];
        final double t5cof = k.t5cof[j];
        final double sinM0 = k.sinM0[j];
        final double a0dp = k.a0dp[j];
        final double xn0dp = k.xn0dp[j];
        final double cosi = k.cosi0[j];
        final double sini = k.sini0[j];
        final double xlcof = k.xlcof[j];
        final double aycof = k.aycof[j];
        final double x3thm1 = k.x3thm1[j];
        final double x1mth2 = k.x1mth2[j];
        final double x7thm1 = k.x7thm1[j];
        final double kplFactor = 0.25 * A3OVK2 * sini;
        final double rfdotTerm = 1.5 * x3thm1;
        final double xnodekFactor = 1.5;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final int step = SPECIES.length();

        for (int m = 0; m < b.count; m += step) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, b.seconds, m);
            DoubleVector tSince = t.sub(epoch).div(60.0);

            // SGP4.sxpPropagate: secular gravity and atmospheric drag
            DoubleVector xmdf = tSince.mul(xmdot).add(m0);
            DoubleVector omgadf = tSince.mul(omgdot).add(argp0);
            DoubleVector xn0ddf = tSince.mul(xnodot).add(raan0);
            DoubleVector omega = omgadf;
            DoubleVector xmp = xmdf;
            DoubleVector tsq = tSince.mul(tSince);
            DoubleVector xnode = tsq.mul(xnodcf).add(xn0ddf);
            DoubleVector tempa = one.sub(tSince.mul(c1));
            DoubleVector tempe = tSince.mul(bstarC4);
            DoubleVector templ = tsq.mul(t2cof);
            if (!low) {
                DoubleVector delomg = tSince.mul(omgcof);
                DoubleVector delm = xmdf.lanewise(COS).mul(eta).add(1.0);
                delm = delm.mul(delm).mul(delm).sub(delM0).mul(xmcof);
                DoubleVector temp = delomg.add(delm);
                xmp = xmdf.add(temp);
                omega = omgadf.sub(temp);
                DoubleVector tcube = tsq.mul(tSince);
                DoubleVector tfour = tSince.mul(tcube);
                tempa = tempa.sub(tsq.mul(d2)).sub(tcube.mul(d3)).sub(tfour.mul(d4));
                tempe = tempe.add(xmp.lanewise(SIN).sub(sinM0).mul(bstarC5));
                templ = templ.add(tcube.mul(t3cof)).add(tfour.mul(tSince.mul(t5cof).add(t4cof)));
            }
            DoubleVector a = tempa.mul(a0dp).mul(tempa);
            DoubleVector e = DoubleVector.broadcast(SPECIES, e0).sub(tempe);
            VectorMask<Double> code1 = e.compare(GE, 1.0).or(e.compare(LT, -0.001));
            e = e.blend(1e-6, e.compare(LT, 1e-6));
            DoubleVector xl = xmp.add(omega).add(xnode).add(templ.mul(xn0dp));

            DoubleVector sinOmega = omega.lanewise(SIN);
            DoubleVector cosOmega = omega.lanewise(COS);
            DoubleVector esq = e.mul(e);
            DoubleVector p0 = a.mul(one.sub(esq));
            // Vallado's code 4: semi-latus rectum (as Sgp4.semiLatusRectum)
            DoubleVector kpl = DoubleVector.broadcast(SPECIES, kplFactor).div(p0);
            DoubleVector plCheck = a.mul(one.sub(esq.add(kpl.mul(e.mul(2.0).mul(sinOmega).add(kpl)))));
            VectorMask<Double> code4 = plCheck.compare(GE, 0.0).not();
            VectorMask<Double> code1b = e.compare(GT, 1 - 1e-6);
            VectorMask<Double> early = code1.or(code4).or(code1b);

            // TLEPropagator.computePVCoordinates: long-period periodics
            DoubleVector axn = e.mul(cosOmega);
            DoubleVector temp = one.div(p0);
            DoubleVector xll = temp.mul(xlcof).mul(axn);
            DoubleVector aynl = temp.mul(aycof);
            DoubleVector xlt = xl.add(xll);
            DoubleVector ayn = e.mul(sinOmega).add(aynl);
            DoubleVector elsq = axn.mul(axn).add(ayn.mul(ayn));
            DoubleVector capuArg = xlt.sub(xnode);
            DoubleVector capu = capuArg.sub(floor(capuArg.div(TWO_PI)).mul(TWO_PI));

            // Kepler's equation, lane by lane until each converges
            DoubleVector epw = capu;
            DoubleVector ecosE = zero;
            DoubleVector esinE = zero;
            DoubleVector sinEPW = zero;
            DoubleVector cosEPW = zero;
            VectorMask<Double> active = early.not();
            for (int it = 0; it < 10; it++) {
                DoubleVector s = epw.lanewise(SIN);
                DoubleVector c = epw.lanewise(COS);
                DoubleVector ec = axn.mul(c).add(ayn.mul(s));
                DoubleVector es = axn.mul(s).sub(ayn.mul(c));
                sinEPW = sinEPW.blend(s, active);
                cosEPW = cosEPW.blend(c, active);
                ecosE = ecosE.blend(ec, active);
                esinE = esinE.blend(es, active);
                DoubleVector f = capu.sub(epw).add(es);
                active = active.andNot(f.abs().compare(LT, 1e-12));
                if (!active.anyTrue()) {
                    break;
                }
                DoubleVector fdot = one.sub(ec);
                DoubleVector delta = f.div(fdot);
                DoubleVector secondOrder = f.div(fdot.add(es.mul(0.5).mul(delta)));
                if (it == 0) {
                    DoubleVector maxNewton = e.abs().mul(1.25);
                    DoubleVector minNewton = maxNewton.neg();
                    VectorMask<Double> over = delta.compare(GT, maxNewton);
                    VectorMask<Double> under = delta.compare(LT, minNewton);
                    delta = secondOrder.blend(maxNewton, over).blend(minNewton, under);
                } else {
                    delta = secondOrder;
                }
                epw = epw.add(delta, active);
            }

            // short-period preliminary quantities
            temp = one.sub(elsq);
            DoubleVector pl = a.mul(temp);
            DoubleVector r = a.mul(one.sub(ecosE));
            DoubleVector temp2 = a.div(r);
            DoubleVector betal = temp.sqrt();
            temp = esinE.div(one.add(betal));
            DoubleVector cosu = temp2.mul(cosEPW.sub(axn).add(ayn.mul(temp)));
            DoubleVector sinu = temp2.mul(sinEPW.sub(ayn).sub(axn.mul(temp)));
            DoubleVector sin2u = sinu.mul(2.0).mul(cosu);
            DoubleVector cos2u = cosu.mul(2.0).mul(cosu).sub(1.0);
            DoubleVector temp1 = DoubleVector.broadcast(SPECIES, CK2).div(pl);
            temp2 = temp1.div(pl);

            // short periodics
            DoubleVector rk = r.mul(one.sub(temp2.mul(1.5).mul(betal).mul(x3thm1)))
                    .add(temp1.mul(0.5).mul(x1mth2).mul(cos2u));
            DoubleVector du = temp2.mul(-0.25).mul(x7thm1).mul(sin2u);
            DoubleVector xnodek = xnode.add(temp2.mul(xnodekFactor).mul(cosi).mul(sin2u));
            DoubleVector xinck = temp2.mul(1.5).mul(cosi).mul(sini).mul(cos2u).add(i0);

            DoubleVector sinDu = du.lanewise(SIN);
            DoubleVector cosDu = du.lanewise(COS);
            DoubleVector sinuk = sinu.mul(cosDu).add(cosu.mul(sinDu));
            DoubleVector cosuk = cosu.mul(cosDu).sub(sinu.mul(sinDu));
            DoubleVector sinik = xinck.lanewise(SIN);
            DoubleVector cosik = xinck.lanewise(COS);
            DoubleVector sinnok = xnodek.lanewise(SIN);
            DoubleVector cosnok = xnodek.lanewise(COS);
            DoubleVector xmx = sinnok.neg().mul(cosik);
            DoubleVector xmy = cosnok.mul(cosik);
            DoubleVector ux = xmx.mul(sinuk).add(cosnok.mul(cosuk));
            DoubleVector uy = xmy.mul(sinuk).add(sinnok.mul(cosuk));
            DoubleVector uz = sinik.mul(sinuk);

            DoubleVector cr = rk.mul(RADIUS_FACTOR);
            DoubleVector px = cr.mul(ux);
            DoubleVector py = cr.mul(uy);
            DoubleVector pz = cr.mul(uz);
            DoubleVector radius = px.mul(px).add(py.mul(py)).add(pz.mul(pz)).sqrt();
            VectorMask<Double> code6 = radius.compare(GE, BatchSgp4.EARTH_RADIUS_M).not();

            DoubleVector sqrtA = a.sqrt();
            DoubleVector rdot = sqrtA.mul(XKE).mul(esinE).div(r);
            DoubleVector rfdot = pl.sqrt().mul(XKE).div(r);
            DoubleVector xn = DoubleVector.broadcast(SPECIES, XKE).div(a.mul(sqrtA));
            DoubleVector rdotk = rdot.sub(xn.mul(temp1).mul(x1mth2).mul(sin2u));
            DoubleVector rfdotk = rfdot.add(xn.mul(temp1).mul(cos2u.mul(x1mth2).add(rfdotTerm)));
            DoubleVector vx = xmx.mul(cosuk).sub(cosnok.mul(sinuk));
            DoubleVector vy = xmy.mul(cosuk).sub(sinnok.mul(sinuk));
            DoubleVector vz = sinik.mul(cosuk);

            px.intoArray(b.x, m);
            py.intoArray(b.y, m);
            pz.intoArray(b.z, m);
            rdotk.mul(ux).add(rfdotk.mul(vx)).mul(VELOCITY_FACTOR).intoArray(b.vx, m);
            rdotk.mul(uy).add(rfdotk.mul(vy)).mul(VELOCITY_FACTOR).intoArray(b.vy, m);
            rdotk.mul(uz).add(rfdotk.mul(vz)).mul(VELOCITY_FACTOR).intoArray(b.vz, m);
            writeCodes(b.code, m, step, early.or(code6), code1, code4, code1b);
        }
    }

    /** Each lane's code: 0, or the first of the scalar kernel's tests it fails. */
    private static void writeCodes(int[] codes, int m, int step, VectorMask<Double> any, VectorMask<Double> code1,
                                   VectorMask<Double> code4, VectorMask<Double> code1b) {
        if (!any.anyTrue()) {
            for (int l = 0; l < step; l++) {
                codes[m + l] = 0;
            }
            return;
        }
        long failed = any.toLong();
        long first = code1.toLong();
        long rectum = code4.toLong();
        long near = code1b.toLong();
        for (int l = 0; l < step; l++) {
            long bit = 1L << l;
            int code = 0;
            if ((failed & bit) != 0) {
                if ((first & bit) != 0) {
                    code = Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code();
                } else if ((rectum & bit) != 0) {
                    code = Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM.code();
                } else if ((near & bit) != 0) {
                    code = Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code();
                } else {
                    code = Sgp4Error.DECAYED.code();
                }
            }
            codes[m + l] = code;
        }
    }

    /**
     * {@link Math#floor} lane by lane, exactly: below 2^52 in magnitude, adding and subtracting 2^52 (with the value's
     * sign) rounds to the nearest integer, one less where that rounded up; from 2^52 on every double is an integer.
     */
    static DoubleVector floor(DoubleVector q) {
        DoubleVector shift = DoubleVector.broadcast(SPECIES, TWO_52).blend(-TWO_52, q.compare(LT, 0.0));
        DoubleVector rounded = q.add(shift).sub(shift);
        rounded = rounded.blend(q, q.abs().compare(GE, TWO_52));
        return rounded.sub(1.0, rounded.compare(GT, q));
    }
}
