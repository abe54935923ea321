package org.concord.screening;

import static jdk.incubator.vector.VectorOperators.ATAN2;
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
 * {@link BatchSdp4}'s deep-space kernel over the JDK Vector API: one object at many times, one time per lane, as
 * {@link VectorSgp4} does for near-Earth objects, performing {@link BatchSdp4#propagate(int, double, double[], int)}'s
 * operations in its order. The resonance's last integrator step (a few multiplications from a stored node, see
 * {@link Resonance}) and {@code (XKE / n)^(2/3)} are computed time by time before the vector pass, with the scalar
 * kernel's code, into the batch's scratch columns; everything else (secular terms, the Sun's and Moon's periodics, the
 * direct and Lyddane forms lane by lane, Kepler's equation, the short periodics) runs lanewise. Error codes are decided
 * per lane with the scalar kernel's tests in its order: 2, 1, 3 (perturbed eccentricity), 4, 3 (within 1e-6 of 1), 6.
 * <p>
 * Everything stays in one method: the JIT keeps vectors in registers only within one compiled body (a vector passed to
 * a call it does not inline is boxed), so the part shared with {@link VectorSgp4} (from the semi-latus rectum on) is
 * repeated here rather than called.
 */
final class VectorSdp4 {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double XKE = TLEConstants.XKE;
    private static final double CK2 = TLEConstants.CK2;
    private static final double A3OVK2 = TLEConstants.A3OVK2;
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double RADIUS_FACTOR = 1000 * TLEConstants.EARTH_RADIUS;
    private static final double VELOCITY_FACTOR = 1000.0 * TLEConstants.EARTH_RADIUS / 60.0;
    private static final double LYDDANE_INCLINATION = 0.2;

    private VectorSdp4() {
    }

    /** Propagates deep-space object {@code d} of {@code k} to every time of {@code b}. */
    static void propagate(BatchSdp4 k, int d, StateBatch b) {
        b.padTimes();
        final int length = b.count == 0 ? 0 : (b.count + SPECIES.length() - 1) / SPECIES.length() * SPECIES.length();
        final double epoch = k.epochOffset[d];
        final boolean resonant = k.resonant[d];
        final Resonance res = k.resonance[d];
        if (resonant) {
            for (int m = 0; m < length; m++) {
                double t = (b.seconds[m] - epoch) / 60.0;
                res.state(t, b.resonantAngle, b.resonantMotion, m);
                b.resonantAxis[m] = Math.pow(XKE / b.resonantMotion[m], TLEConstants.TWO_THIRD);
            }
        }
        final double axis0 = Math.pow(XKE / k.xn0dp[d], TLEConstants.TWO_THIRD);
        final double thgr = resonant ? res.thgr : 0;
        final boolean synchronous = resonant && res.synchronous;
        final double m0 = k.m0[d];
        final double argp0 = k.argp0[d];
        final double raan0 = k.raan0[d];
        final double e0 = k.e0[d];
        final double i0 = k.i0[d];
        final double bstarC4 = k.bstarC4[d];
        final double xmdot = k.xmdot[d];
        final double omgdot = k.omgdot[d];
        final double xnodot = k.xnodot[d];
        final double xnodcf = k.xnodcf[d];
        final double c1 = k.c1[d];
        final double xn0dpT2cof = k.xn0dp[d] * k.t2cof[d];
        final double xn0dp = k.xn0dp[d];
        final double ssl = k.ssl[d];
        final double ssg = k.ssg[d];
        final double ssh = k.ssh[d];
        final double sse = k.sse[d];
        final double ssi = k.ssi[d];
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final int step = SPECIES.length();

        for (int m = 0; m < b.count; m += step) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, b.seconds, m).sub(epoch).div(60.0);

            // SDP4.sxpPropagate: secular gravity and drag
            DoubleVector omgadf = t.mul(omgdot).add(argp0);
            DoubleVector xnoddf = t.mul(xnodot).add(raan0);
            DoubleVector tsq = t.mul(t);
            DoubleVector xnode = tsq.mul(xnodcf).add(xnoddf);
            DoubleVector xll = t.mul(xmdot).add(m0);

            // deep-space secular effects
            xll = xll.add(t.mul(ssl));
            omgadf = omgadf.add(t.mul(ssg));
            xnode = xnode.add(t.mul(ssh));
            DoubleVector em = t.mul(sse).add(e0);
            DoubleVector xinc = t.mul(ssi).add(i0);
            DoubleVector xn;
            DoubleVector axis;
            if (resonant) {
                xn = DoubleVector.fromArray(SPECIES, b.resonantMotion, m);
                axis = DoubleVector.fromArray(SPECIES, b.resonantAxis, m);
                DoubleVector xli = DoubleVector.fromArray(SPECIES, b.resonantAngle, m);
                DoubleVector temp = xnode.neg().add(thgr).add(t.mul(TLEConstants.THDT));
                xll = xli.add(temp).add(synchronous ? omgadf.neg() : temp);
            } else {
                xn = DoubleVector.broadcast(SPECIES, xn0dp);
                axis = DoubleVector.broadcast(SPECIES, axis0);
            }
            DoubleVector tempa = one.sub(t.mul(c1));
            DoubleVector a = axis.mul(tempa).mul(tempa);
            em = em.sub(t.mul(bstarC4));
            xll = xll.add(tsq.mul(xn0dpT2cof));

            // Vallado's checks on the mean elements, and clamp
            VectorMask<Double> code2 = xn.compare(GT, 0.0).not();
            VectorMask<Double> code1 = em.compare(GE, 1.0).or(em.compare(LT, -0.001));
            em = em.blend(1.0e-6, em.compare(LT, 1.0e-6));

            // the Sun's and the Moon's periodics
            DoubleVector zm = t.mul(TLEConstants.ZNS).add(k.zmos[d]);
            DoubleVector zf = zm.lanewise(SIN).mul(2 * TLEConstants.ZES).add(zm);
            DoubleVector sinzf = zf.lanewise(SIN);
            DoubleVector f2 = sinzf.mul(0.5).mul(sinzf).sub(0.25);
            DoubleVector f3 = sinzf.mul(-0.5).mul(zf.lanewise(COS));
            DoubleVector ses = f2.mul(k.se2[d]).add(f3.mul(k.se3[d]));
            DoubleVector sis = f2.mul(k.si2[d]).add(f3.mul(k.si3[d]));
            DoubleVector sls = f2.mul(k.sl2[d]).add(f3.mul(k.sl3[d])).add(sinzf.mul(k.sl4[d]));
            DoubleVector sghs = f2.mul(k.sgh2[d]).add(f3.mul(k.sgh3[d])).add(sinzf.mul(k.sgh4[d]));
            DoubleVector shs = f2.mul(k.sh2[d]).add(f3.mul(k.sh3[d]));
            zm = t.mul(TLEConstants.ZNL).add(k.zmol[d]);
            zf = zm.lanewise(SIN).mul(2 * TLEConstants.ZEL).add(zm);
            sinzf = zf.lanewise(SIN);
            f2 = sinzf.mul(0.5).mul(sinzf).sub(0.25);
            f3 = sinzf.mul(-0.5).mul(zf.lanewise(COS));
            DoubleVector sel = f2.mul(k.ee2[d]).add(f3.mul(k.e3[d]));
            DoubleVector sil = f2.mul(k.xi2[d]).add(f3.mul(k.xi3[d]));
            DoubleVector sll = f2.mul(k.xl2[d]).add(f3.mul(k.xl3[d])).add(sinzf.mul(k.xl4[d]));
            DoubleVector sghl = f2.mul(k.xgh2[d]).add(f3.mul(k.xgh3[d])).add(sinzf.mul(k.xgh4[d]));
            DoubleVector shl = f2.mul(k.xh2[d]).add(f3.mul(k.xh3[d]));
            DoubleVector pe = ses.add(sel);
            DoubleVector pinc = sis.add(sil);
            DoubleVector pl = sls.add(sll);
            DoubleVector pgh = sghs.add(sghl);
            DoubleVector ph = shs.add(shl);

            xinc = xinc.add(pinc);
            DoubleVector sinis = xinc.lanewise(SIN);
            DoubleVector cosis = xinc.lanewise(COS);
            em = em.add(pe);
            xll = xll.add(pl);
            omgadf = omgadf.add(pgh);
            VectorMask<Double> direct = xinc.compare(GE, LYDDANE_INCLINATION);
            DoubleVector omgadfOut = omgadf;
            DoubleVector xnodeOut = xnode;
            if (direct.anyTrue()) {
                DoubleVector temp = ph.div(sinis);
                omgadfOut = omgadfOut.blend(omgadf.sub(cosis.mul(temp)), direct);
                xnodeOut = xnodeOut.blend(xnode.add(temp), direct);
            }
            if (!direct.allTrue()) {
                // Lyddane's modification, the node reduced to (-2 pi, 2 pi) in the perigee's term
                DoubleVector sinok = xnode.lanewise(SIN);
                DoubleVector cosok = xnode.lanewise(COS);
                DoubleVector inPlane = pinc.mul(cosis).add(sinis);
                DoubleVector alfdp = ph.mul(cosok).add(inPlane.mul(sinok));
                DoubleVector betdp = ph.neg().mul(sinok).add(inPlane.mul(cosok));
                DoubleVector deltaNode = normalise(alfdp.lanewise(ATAN2, betdp).sub(xnode));
                DoubleVector node0 = remainder(xnode);
                DoubleVector lyddane = omgadf.add(node0.neg().mul(sinis).mul(pinc).sub(cosis.mul(deltaNode)));
                VectorMask<Double> indirect = direct.not();
                omgadfOut = omgadfOut.blend(lyddane, indirect);
                xnodeOut = xnodeOut.blend(xnode.add(deltaNode), indirect);
            }
            omgadf = omgadfOut;
            xnode = xnodeOut;
            VectorMask<Double> code3 = em.compare(LT, 0.0).or(em.compare(GT, 1.0));
            xinc = normalise(xinc);

            // SDP4.sxpPropagate, end: the short periodics use the perturbed inclination
            DoubleVector xl = xll.add(omgadf).add(xnode);
            DoubleVector sini = xinc.lanewise(SIN);
            DoubleVector cosi = xinc.lanewise(COS);
            DoubleVector cosi2 = cosi.mul(cosi);
            DoubleVector xlcof = sini.mul(0.125 * A3OVK2).mul(cosi.mul(5.0).add(3.0)).div(one.add(cosi));
            DoubleVector aycof = sini.mul(0.25 * A3OVK2);
            DoubleVector x3thm1 = cosi2.mul(3.0).sub(1.0);
            DoubleVector x1mth2 = one.sub(cosi2);
            DoubleVector x7thm1 = cosi2.mul(7.0).sub(1.0);
            DoubleVector e = em;
            DoubleVector omega = omgadf;

            // from here as VectorSgp4 (BatchSgp4.state)
            DoubleVector sinOmega = omega.lanewise(SIN);
            DoubleVector cosOmega = omega.lanewise(COS);
            DoubleVector esq = e.mul(e);
            DoubleVector p0 = a.mul(one.sub(esq));
            DoubleVector kpl = sini.mul(0.25 * A3OVK2).div(p0);
            DoubleVector plCheck = a.mul(one.sub(esq.add(kpl.mul(e.mul(2.0).mul(sinOmega).add(kpl)))));
            VectorMask<Double> code4 = plCheck.compare(GE, 0.0).not();
            VectorMask<Double> code3b = e.compare(GT, 1 - 1e-6);
            VectorMask<Double> early = code2.or(code1).or(code3).or(code4).or(code3b);

            DoubleVector axn = e.mul(cosOmega);
            DoubleVector temp = one.div(p0);
            DoubleVector xll2 = temp.mul(xlcof).mul(axn);
            DoubleVector aynl = temp.mul(aycof);
            DoubleVector xlt = xl.add(xll2);
            DoubleVector ayn = e.mul(sinOmega).add(aynl);
            DoubleVector elsq = axn.mul(axn).add(ayn.mul(ayn));
            DoubleVector capuArg = xlt.sub(xnode);
            DoubleVector capu = capuArg.sub(VectorSgp4.floor(capuArg.div(TWO_PI)).mul(TWO_PI));

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

            temp = one.sub(elsq);
            DoubleVector plr = a.mul(temp);
            DoubleVector r = a.mul(one.sub(ecosE));
            DoubleVector temp2 = a.div(r);
            DoubleVector betal = temp.sqrt();
            temp = esinE.div(one.add(betal));
            DoubleVector cosu = temp2.mul(cosEPW.sub(axn).add(ayn.mul(temp)));
            DoubleVector sinu = temp2.mul(sinEPW.sub(ayn).sub(axn.mul(temp)));
            DoubleVector sin2u = sinu.mul(2.0).mul(cosu);
            DoubleVector cos2u = cosu.mul(2.0).mul(cosu).sub(1.0);
            DoubleVector temp1 = DoubleVector.broadcast(SPECIES, CK2).div(plr);
            temp2 = temp1.div(plr);

            DoubleVector rk = r.mul(one.sub(temp2.mul(1.5).mul(betal).mul(x3thm1)))
                    .add(temp1.mul(0.5).mul(x1mth2).mul(cos2u));
            DoubleVector du = temp2.mul(-0.25).mul(x7thm1).mul(sin2u);
            DoubleVector xnodek = xnode.add(temp2.mul(1.5).mul(cosi).mul(sin2u));
            DoubleVector xinck = temp2.mul(1.5).mul(cosi).mul(sini).mul(cos2u).add(xinc);

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
            DoubleVector rfdot = plr.sqrt().mul(XKE).div(r);
            DoubleVector xnOsc = DoubleVector.broadcast(SPECIES, XKE).div(a.mul(sqrtA));
            DoubleVector rdotk = rdot.sub(xnOsc.mul(temp1).mul(x1mth2).mul(sin2u));
            DoubleVector rfdotk = rfdot.add(xnOsc.mul(temp1).mul(cos2u.mul(x1mth2).add(x3thm1.mul(1.5))));
            DoubleVector vx = xmx.mul(cosuk).sub(cosnok.mul(sinuk));
            DoubleVector vy = xmy.mul(cosuk).sub(sinnok.mul(sinuk));
            DoubleVector vz = sinik.mul(cosuk);

            px.intoArray(b.x, m);
            py.intoArray(b.y, m);
            pz.intoArray(b.z, m);
            rdotk.mul(ux).add(rfdotk.mul(vx)).mul(VELOCITY_FACTOR).intoArray(b.vx, m);
            rdotk.mul(uy).add(rfdotk.mul(vy)).mul(VELOCITY_FACTOR).intoArray(b.vy, m);
            rdotk.mul(uz).add(rfdotk.mul(vz)).mul(VELOCITY_FACTOR).intoArray(b.vz, m);
            writeCodes(b.code, m, step, early.or(code6), code2, code1, code3, code4, code3b);
        }
    }

    /** Each lane's code: 0, or the first of the scalar kernel's tests it fails (2, 1, 3, 4, 3 near 1, else 6). */
    private static void writeCodes(int[] codes, int m, int step, VectorMask<Double> any, VectorMask<Double> code2,
                                   VectorMask<Double> code1, VectorMask<Double> code3, VectorMask<Double> code4,
                                   VectorMask<Double> code3b) {
        if (!any.anyTrue()) {
            for (int l = 0; l < step; l++) {
                codes[m + l] = 0;
            }
            return;
        }
        long failed = any.toLong();
        long motion = code2.toLong();
        long mean = code1.toLong();
        long perturbed = code3.toLong();
        long rectum = code4.toLong();
        long near = code3b.toLong();
        for (int l = 0; l < step; l++) {
            long bit = 1L << l;
            int code = 0;
            if ((failed & bit) != 0) {
                if ((motion & bit) != 0) {
                    code = Sgp4Error.NEGATIVE_MEAN_MOTION.code();
                } else if ((mean & bit) != 0) {
                    code = Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE.code();
                } else if ((perturbed & bit) != 0) {
                    code = Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE.code();
                } else if ((rectum & bit) != 0) {
                    code = Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM.code();
                } else if ((near & bit) != 0) {
                    code = Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE.code();
                } else {
                    code = Sgp4Error.DECAYED.code();
                }
            }
            codes[m + l] = code;
        }
    }

    /** Hipparchus' {@code MathUtils.normalizeAngle(x, 0)} lane by lane: x - 2 pi floor((x + pi) / 2 pi). */
    private static DoubleVector normalise(DoubleVector x) {
        return x.sub(VectorSgp4.floor(x.add(Math.PI).div(TWO_PI)).mul(TWO_PI));
    }

    /** Java's {@code x % (2 pi)} lane by lane (the sign of x): x - 2 pi trunc(x / 2 pi). */
    private static DoubleVector remainder(DoubleVector x) {
        DoubleVector q = x.div(TWO_PI);
        DoubleVector whole = VectorSgp4.floor(q.abs());
        whole = whole.blend(whole.neg(), q.compare(LT, 0.0));
        return x.sub(whole.mul(TWO_PI));
    }
}
