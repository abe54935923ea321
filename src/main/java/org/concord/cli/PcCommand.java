package org.concord.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.formats.CdmReader;
import org.concord.formats.CdmMessage;
import org.concord.formats.CdmMessage.ConjunctionObject;
import org.concord.formats.InputRejectedException;
import org.concord.risk.CollisionProbability;
import org.concord.risk.CovarianceSource;
import org.concord.risk.HardBodyRadii;
import org.concord.risk.MaximumPc;
import org.concord.risk.PcCalculator;
import org.concord.risk.PcMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code concord pc FILE.cdm}: the probability of collision of a CDM's conjunction, the CDM's own beside Concord's by
 * each method. Needs no node: nothing is read from or written to a database.
 */
@Command(name = "pc", description = "Probability of collision of a CCSDS CDM (KVN or XML): the CDM's own Pc, if it"
        + " carries one, beside Concord's by each 2D method (Orekit). Needs no database.")
final class PcCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A CCSDS 508.0-B-1 conjunction data message")
    Path file;

    @Option(names = "--hbr", paramLabel = "METRES", description = "Combined hard-body radius in metres (default: an"
            + " 'HBR =' comment of the CDM, else the sum of the objects' radii from the bundled NASA CARA table,"
            + " else " + HardBodyRadii.DEFAULT_RADIUS_M + " m each)")
    Double hbr;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        String name = file.getFileName().toString();
        CdmMessage c;
        try {
            c = CdmReader.read(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (InputRejectedException e) {
            System.err.println("CDM rejected:");
            e.errors().forEach(error -> System.err.println("  " + error));
            return 2;
        }
        if (hbr != null && (!(hbr >= 0) || hbr.isInfinite())) {
            throw new IllegalArgumentException("--hbr " + hbr + " is not a length in metres");
        }
        out.printf(Locale.ROOT, "CDM %s (MESSAGE_ID %s, from %s)%n", name, c.messageId(), c.originator());
        out.printf(Locale.ROOT, "TCA %s, miss distance %.3f m, relative speed %.3f m/s%n", c.tca(),
                c.missDistanceM(), c.relativeSpeedMps());
        double statesMiss = c.object1().orbit().getPosition().distance(
                c.object1().orbit().getFrame().getTransformTo(c.object2().orbit().getFrame(), c.object1().orbit()
                        .getDate()).getInverse().transformPosition(c.object2().orbit().getPosition()));
        if (Math.abs(statesMiss - c.missDistanceM()) > 1.0) {
            out.printf(Locale.ROOT, "note: the two states are %.3f m apart at TCA, not the MISS_DISTANCE; Concord's"
                    + " Pc is computed from the states%n", statesMiss);
        }
        out.println("object 1: " + describe(c.object1()));
        out.println("object 2: " + describe(c.object2()));
        Radius radius = radius(c);
        out.printf(Locale.ROOT, "combined hard-body radius: %.3f m (%s)%n", radius.metres(), radius.source());
        if (c.collisionProbability().isPresent()) {
            out.printf(Locale.ROOT, "CDM's Pc:      %.4e (%s)%n", c.collisionProbability().getAsDouble(),
                    c.collisionProbabilityMethod().orElse("method not given"));
        } else {
            out.println("CDM's Pc:      none (the CDM carries no COLLISION_PROBABILITY)");
        }
        if (c.object1().covariance().isPresent() && c.object2().covariance().isPresent()) {
            out.println("Concord's Pc (covariances from the CDM, combined HBR above):");
            for (PcMethod m : PcMethod.values()) {
                String label = String.format(Locale.ROOT, "  %-14s", m.displayName());
                try {
                    CollisionProbability p = PcCalculator.compute(c.object1().orbit(),
                            c.object1().covariance().get(), c.object2().orbit(), c.object2().covariance().get(),
                            radius.metres(), m, CovarianceSource.MEASURED);
                    out.printf(Locale.ROOT, "%s %.4e%s%n", label, p.probability(),
                            m.accurate() ? "" : "   (small-disc approximation, less accurate)");
                } catch (IllegalArgumentException | IllegalStateException e) {
                    out.println(label + " not computed: " + e.getMessage());
                }
            }
        } else {
            out.println("Concord's Pc: the CDM lacks a covariance, so only a MAXIMUM Pc can be given:");
        }
        CollisionProbability max = MaximumPc.closedForm(c.missDistanceM(), radius.metres());
        out.printf(Locale.ROOT, "Maximum Pc over an isotropic covariance of any size: %.4e (an upper bound, NOT a"
                + " measured Pc)%n", max.probability());
        return 0;
    }

    private record Radius(double metres, String source) {
    }

    private Radius radius(CdmMessage c) {
        if (hbr != null) {
            return new Radius(hbr, "--hbr");
        }
        if (c.hardBodyRadiusM().isPresent()) {
            return new Radius(c.hardBodyRadiusM().getAsDouble(), "from the CDM's HBR comment");
        }
        HardBodyRadii radii = HardBodyRadii.bundled();
        HardBodyRadii.Radius r1 = radii.radius(norad(c.object1()), Optional.empty());
        HardBodyRadii.Radius r2 = radii.radius(norad(c.object2()), Optional.empty());
        return new Radius(r1.metres() + r2.metres(), String.format(Locale.ROOT, "%.3f m %s + %.3f m %s",
                r1.metres(), r1.source(), r2.metres(), r2.source()));
    }

    /** The catalog number of a SATCAT designator, -1 when there is none. */
    private static long norad(ConjunctionObject o) {
        String designator = o.designator() == null ? "" : o.designator().strip();
        boolean satcat = o.catalogName() == null || o.catalogName().strip().equalsIgnoreCase("SATCAT");
        return satcat && designator.matches("[0-9]{1,9}") ? Long.parseLong(designator) : -1;
    }

    private static String describe(ConjunctionObject o) {
        return String.format(Locale.ROOT, "%s %s, name %s, international designator %s, %s, covariance %s",
                o.catalogName() == null ? "" : o.catalogName(), o.designator(), o.name(), o.internationalDesignator(),
                o.referenceFrame(), o.covariance().isPresent() ? "given" : "none");
    }
}
