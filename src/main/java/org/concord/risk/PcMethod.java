package org.concord.risk;

import java.util.Locale;
import java.util.function.Supplier;

import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfano2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfriend1999;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Chan1997;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Laas2015;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Patera2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DPOCMethod;

/**
 * The short-term-encounter (2D, encounter-plane) probability-of-collision methods Concord computes with, each one
 * of Orekit's {@code org.orekit.ssa.collision.shorttermencounter.probability.twod} methods. All assume a short
 * encounter: rectilinear relative motion and constant covariance while the objects cross, so that the 3D problem
 * reduces to integrating the combined position density over the hard-body disc in the encounter plane.
 * <ul>
 * <li>{@link #ALFANO_2005}: Alfano's series of error functions over slices of the disc;</li>
 * <li>{@link #CHAN_1997}: Chan's series over an equivalent-area circle: an approximation, wrong by orders of
 * magnitude for the elongated covariances of real conjunctions (Alfano 2009 cases: from −100 % to +350 %);</li>
 * <li>{@link #LAAS_2015}: Serra, Arzelier et al. (LAAS) exact convergent series, with an error bound;</li>
 * <li>{@link #PATERA_2005}: Patera's contour integral around the disc;</li>
 * <li>{@link #ALFRIEND_1999}: Alfriend's approximation, the density at the disc's centre times its area: good only
 * when the disc is small beside the smaller standard deviation (Alfano 2009 cases: −100 % to +356 %, and above 1
 * in cases 9 and 10, where Concord refuses it).</li>
 * </ul>
 * Alfano 2005, Laas 2015 and Patera 2005 reproduce NASA CARA's 2D Pc within 5e-5 relative on the Alfano 2009 cases
 * (see {@code AlfanoPcTest}); they are the {@link #accurate()} methods. Laas 2015 and Patera 2005 fail for combined
 * radii of kilometres (Laas returns 0, which Concord detects; Patera's integrator does not converge): only Alfano
 * 2005 covers those.
 * Orekit's Alfriend1999Max is not a method of this list: it is a maximum over covariance size, which Concord
 * computes itself (see {@link MaximumPc}).
 */
public enum PcMethod {

    ALFANO_2005("Alfano 2005", true, Alfano2005::new),
    CHAN_1997("Chan 1997", false, Chan1997::new),
    LAAS_2015("Laas 2015", true, Laas2015::new),
    PATERA_2005("Patera 2005", true, Patera2005::new),
    ALFRIEND_1999("Alfriend 1999", false, Alfriend1999::new);

    private final String displayName;
    private final boolean accurate;
    private final Supplier<ShortTermEncounter2DPOCMethod> factory;

    PcMethod(String displayName, boolean accurate, Supplier<ShortTermEncounter2DPOCMethod> factory) {
        this.displayName = displayName;
        this.accurate = accurate;
        this.factory = factory;
    }

    /** Whether the method computes the 2D integral to high accuracy (else it is a small-disc approximation). */
    public boolean accurate() {
        return accurate;
    }

    /** The method's usual name, e.g. "Alfano 2005". */
    public String displayName() {
        return displayName;
    }

    /** A new instance of Orekit's implementation. */
    public ShortTermEncounter2DPOCMethod orekit() {
        return factory.get();
    }

    /** The method from its name, case and punctuation aside: {@code alfano2005}, {@code ALFANO_2005}, "Alfano 2005". */
    public static PcMethod parse(String name) {
        String key = name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        for (PcMethod m : values()) {
            if (m.name().replace("_", "").equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a Pc method (expected one of "
                + java.util.Arrays.toString(values()) + ")");
    }
}
