package org.concord.orbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.files.ccsds.utils.generation.KvnGenerator;
import org.orekit.files.ccsds.utils.generation.XmlGenerator;
import org.orekit.utils.Constants;
import org.orekit.utils.units.Unit;

/**
 * The Orekit generators every CCSDS message Concord writes goes through, so that KVN and XML follow the CCSDS
 * NDM/XML schemas: XML with the {@code units} attributes the schemas require, text escaped, no empty element (a
 * section is opened only when something is written in it); numbers as the message had them rather than with the
 * noise of a unit conversion, and counts left out when they hold Orekit's 0 for "absent".
 */
public final class CcsdsGenerators {

    /** More significant digits than any double needs. */
    private static final int MAX_DIGITS = 18;

    private CcsdsGenerators() {
    }

    /**
     * A KVN generator.
     *
     * @param padding         the width keys are padded to (the {@code KVN_PADDING_WIDTH} of Orekit's writer)
     * @param zeroMeansAbsent integer keys written only when not 0 (see {@link #xml})
     */
    public static Generator kvn(Appendable out, String outputName, int padding, Set<String> zeroMeansAbsent) {
        return new Kvn(out, outputName, padding, zeroMeansAbsent);
    }

    /**
     * An XML generator.
     *
     * @param zeroMeansAbsent integer keys written only when not 0: Orekit holds some optional counts as an
     *                        {@code int} that is 0 when the message had none (a CDM's {@code OBS_USED}), where the
     *                        standard only allows positive values
     */
    public static Generator xml(Appendable out, String outputName, Set<String> zeroMeansAbsent) {
        try {
            return new Xml(out, outputName, zeroMeansAbsent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A value held in SI as the number to write in {@code unit}: the shortest decimal that a reader converting it
     * with the same unit turns into exactly the value held. A value read from a message in its unit and held in SI
     * comes back as the message wrote it ({@code 255.0638} degrees, where converting the radians back to degrees
     * gives {@code 255.06379999999996}); a value that no shorter decimal gives exactly (a propagated position) is
     * written in full. Nothing is lost either way: reading the number with the unit gives the value held.
     */
    static double shortestExact(double si, Unit unit) {
        double inUnit = unit.fromSI(si);
        if (!Double.isFinite(inUnit) || inUnit == 0) {
            return inUnit;
        }
        BigDecimal exact = new BigDecimal(inUnit);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            double candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
            if (unit.toSI(candidate) == si) {
                return candidate;
            }
        }
        return inUnit;
    }

    /** The text of a value held in SI, as {@link #shortestExact}; null (left out) for NaN. */
    private static String text(Generator generator, double si, Unit unit) {
        return Double.isNaN(si) ? null : generator.doubleToString(unit == null ? si : shortestExact(si, unit));
    }

    /** The text of an integer; null (left out) for a 0 that means absent. */
    private static String count(String key, int value, Set<String> zeroMeansAbsent) {
        return value == 0 && zeroMeansAbsent.contains(key) ? null : Integer.toString(value);
    }

    /*
     * The KVN and XML generators extend different Orekit classes: each overrides the integer and double entries to
     * call count and text above, the one place of those rules.
     */
    private static final class Kvn extends KvnGenerator {

        private final Set<String> zeroMeansAbsent;

        Kvn(Appendable out, String outputName, int padding, Set<String> zeroMeansAbsent) {
            super(out, padding, outputName, Constants.JULIAN_DAY, 0);
            this.zeroMeansAbsent = zeroMeansAbsent;
        }

        @Override
        public void writeEntry(String key, int value, boolean mandatory) throws IOException {
            writeEntry(key, count(key, value, zeroMeansAbsent), null, mandatory);
        }

        @Override
        public void writeEntry(String key, double value, Unit unit, boolean mandatory) throws IOException {
            writeEntry(key, text(this, value, unit), unit, mandatory);
        }
    }

    private static final class Xml extends XmlGenerator {

        private static final Map<String, String> SCHEMA_UNITS = Map.of("m**3/kg/s", "m**3/(kg*s)",
                "m**3/kg/s**2", "m**3/(kg*s**2)",
                "rev/d", "rev/day", "2rev/d**2", "rev/day**2", "6rev/d**3", "rev/day**3");

        private final Set<String> zeroMeansAbsent;
        /** Sections entered with nothing written in them yet. */
        private final List<String> pending = new ArrayList<>();

        Xml(Appendable out, String outputName, Set<String> zeroMeansAbsent) throws IOException {
            super(out, XmlGenerator.DEFAULT_INDENT, outputName, Constants.JULIAN_DAY, true, null);
            this.zeroMeansAbsent = zeroMeansAbsent;
        }

        @Override
        public void writeEntry(String key, int value, boolean mandatory) throws IOException {
            writeEntry(key, count(key, value, zeroMeansAbsent), null, mandatory);
        }

        @Override
        public void writeEntry(String key, double value, Unit unit, boolean mandatory) throws IOException {
            writeEntry(key, text(this, value, unit), unit, mandatory);
        }

        @Override
        public void writeEntry(String key, String value, Unit unit, boolean mandatory) throws IOException {
            super.writeEntry(key, value == null ? null : escape(value), unit, mandatory);
        }

        @Override
        public void writeComments(List<String> comments) throws IOException {
            super.writeComments(comments.stream().map(Xml::escape).toList());
        }

        /** Unit names as the schemas spell them, where Orekit spells them otherwise. */
        @Override
        public String siToCcsdsName(String siName) {
            String name = super.siToCcsdsName(siName);
            return SCHEMA_UNITS.getOrDefault(name, name);
        }

        @Override
        public void enterSection(String name) {
            pending.add(name);
        }

        @Override
        public String exitSection() throws IOException {
            return pending.isEmpty() ? super.exitSection() : pending.remove(pending.size() - 1);
        }

        @Override
        public void writeRawData(char data) throws IOException {
            openPending();
            super.writeRawData(data);
        }

        @Override
        public void writeRawData(CharSequence data) throws IOException {
            openPending();
            super.writeRawData(data);
        }

        /** Opens the sections entered so far, before the first thing written in them. */
        private void openPending() throws IOException {
            // null while XmlGenerator's constructor writes the prolog, before this class's fields are set
            if (pending != null && !pending.isEmpty()) {
                List<String> sections = List.copyOf(pending);
                pending.clear();
                for (String section : sections) {
                    super.enterSection(section);
                }
            }
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
