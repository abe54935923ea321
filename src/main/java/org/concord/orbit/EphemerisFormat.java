package org.concord.orbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.oem.InterpolationMethod;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemData;
import org.orekit.files.ccsds.ndm.odm.oem.OemMetadata;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.files.ccsds.ndm.odm.oem.OemWriter;
import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.utils.Constants;
import org.concord.label.Label;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.TimeStampedPVCoordinates;

/** The forms an {@link Ephemeris} can be written in. */
public enum EphemerisFormat {

    /**
     * One header line with units ({@code time_utc,x_m,y_m,z_m,vx_m_s,vy_m_s,vz_m_s}, or
     * {@code time_utc,latitude_deg,longitude_deg,altitude_m} for geodetic samples), then one line per sample.
     */
    CSV("text/csv", "csv") {
        @Override
        void writeTo(Ephemeris ephemeris, Writer out, String originator) throws IOException {
            boolean geodetic = ephemeris.frame() == OutputFrame.GEODETIC;
            out.write(geodetic ? "time_utc,latitude_deg,longitude_deg,altitude_m\n"
                    : "time_utc,x_m,y_m,z_m,vx_m_s,vy_m_s,vz_m_s\n");
            for (EphemerisSample sample : ephemeris.samples()) {
                out.write(switch (sample) {
                    case EphemerisSample.Cartesian c -> String.format(Locale.ROOT,
                            "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", c.time(), c.positionMeters().x(),
                            c.positionMeters().y(), c.positionMeters().z(), c.velocityMetersPerSecond().x(),
                            c.velocityMetersPerSecond().y(), c.velocityMetersPerSecond().z());
                    case EphemerisSample.Geodetic g -> String.format(Locale.ROOT, "%s,%.9f,%.9f,%.4f%n", g.time(),
                            g.latitudeDegrees(), g.longitudeDegrees(), g.altitudeMeters());
                });
            }
        }
    },

    /** A JSON object describing the ephemeris, with a {@code samples} array; units are in the field names. */
    JSON("application/json", "json") {
        @Override
        void writeTo(Ephemeris ephemeris, Writer out, String originator) throws IOException {
            try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.writeStartObject();
                json.writeNumberField("noradId", ephemeris.noradId());
                json.writeStringField("objectName", ephemeris.objectName());
                json.writeStringField("objectId", ephemeris.objectId());
                json.writeStringField("sourceKind", ephemeris.sourceKind().name());
                json.writeStringField("frame", ephemeris.frame().name());
                json.writeStringField("method", ephemeris.method());
                json.writeBooleanField("approximate", ephemeris.approximate());
                json.writeNumberField("sourceOrbitId", ephemeris.sourceOrbitId());
                ElementAge age = ephemeris.elementAge();
                json.writeStringField("elementEpoch", age.epoch().toString());
                json.writeNumberField("elementAgeSeconds", age.age().toSeconds());
                json.writeStringField("regime", age.regime().name());
                json.writeNumberField("elementAgeLimitSeconds", age.limit().toSeconds());
                json.writeBooleanField("stale", age.stale());
                writeLabel(json, ephemeris.label());
                json.writeArrayFieldStart("notes");
                for (String note : ephemeris.notes()) {
                    json.writeString(note);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("samples");
                for (EphemerisSample sample : ephemeris.samples()) {
                    json.writeStartObject();
                    json.writeStringField("time", sample.time().toString());
                    switch (sample) {
                        case EphemerisSample.Cartesian c -> {
                            writeVector(json, "positionMeters", c.positionMeters());
                            writeVector(json, "velocityMetersPerSecond", c.velocityMetersPerSecond());
                        }
                        case EphemerisSample.Geodetic g -> {
                            json.writeNumberField("latitudeDegrees", g.latitudeDegrees());
                            json.writeNumberField("longitudeDegrees", g.longitudeDegrees());
                            json.writeNumberField("altitudeMeters", g.altitudeMeters());
                        }
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        }

        private static void writeLabel(JsonGenerator json, Label label) throws IOException {
            json.writeObjectFieldStart("label");
            json.writeStringField("originator", label.originator());
            json.writeStringField("releasability", label.releasability().toString());
            json.writeArrayFieldStart("releasableTo");
            for (String party : label.releasability().parties()) {
                json.writeString(party);
            }
            json.writeEndArray();
            json.writeStringField("tlp", label.tlp().code());
            json.writeArrayFieldStart("caveats");
            for (String caveat : label.caveats()) {
                json.writeString(caveat);
            }
            json.writeEndArray();
            if (label.expiry().isPresent()) {
                json.writeStringField("expires", label.expiry().get().toString());
            } else {
                json.writeNullField("expires");
            }
            json.writeEndObject();
        }

        private static void writeVector(JsonGenerator json, String name, Vector3 v) throws IOException {
            json.writeArrayFieldStart(name);
            json.writeNumber(v.x());
            json.writeNumber(v.y());
            json.writeNumber(v.z());
            json.writeEndArray();
        }
    },

    /**
     * A CCSDS OEM (502.0-B-3) in KVN, written by Orekit's OEM writer: one segment, CENTER_NAME EARTH, REF_FRAME the
     * ephemeris frame, TIME_SYSTEM UTC, positions in km and velocities in km/s. Geodetic samples have no OEM form.
     */
    OEM_KVN("text/plain", "oem") {
        @Override
        void writeTo(Ephemeris ephemeris, Writer out, String originator) throws IOException {
            writeOem(ephemeris, CcsdsGenerators.kvn(out, "ephemeris.oem", OemWriter.KVN_PADDING_WIDTH, Set.of()),
                    originator);
        }
    },

    /** The same OEM in the CCSDS NDM/XML layout, with the units of its values. */
    OEM_XML("application/xml", "oem-xml") {
        @Override
        void writeTo(Ephemeris ephemeris, Writer out, String originator) throws IOException {
            writeOem(ephemeris, CcsdsGenerators.xml(out, "ephemeris.xml", Set.of()), originator);
        }
    };

    private final String mediaType;
    private final String parameter;

    EphemerisFormat(String mediaType, String parameter) {
        this.mediaType = mediaType;
        this.parameter = parameter;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The name a caller gives this format by ({@code format=oem-xml}). */
    public String parameter() {
        return parameter;
    }

    /**
     * Writes the ephemeris; {@code originator} is the ORIGINATOR of an OEM (the node's party code) and unused by the
     * other forms.
     *
     * @throws IllegalArgumentException when the ephemeris has no form in this format (geodetic samples as OEM)
     */
    public void write(Ephemeris ephemeris, Writer out, String originator) {
        try {
            writeTo(ephemeris, out, originator);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract void writeTo(Ephemeris ephemeris, Writer out, String originator) throws IOException;

    private static void writeOem(Ephemeris ephemeris, Generator generator, String originator) throws IOException {
        if (ephemeris.frame() == OutputFrame.GEODETIC) {
            throw new IllegalArgumentException("a geodetic ephemeris has no OEM form: ask for TEME, GCRF or ITRF");
        }
        if (ephemeris.samples().isEmpty()) {
            throw new IllegalArgumentException("an OEM needs at least one sample");
        }
        EarthCentredContext context = EarthCentredContext.get();
        TimeScale utc = context.getTimeScales().getUTC();
        Frame frame = new FrameSet().cartesianFrame(ephemeris.frame());
        List<EphemerisSample> samples = ephemeris.samples();
        OemMetadata metadata = new OemMetadata(1);
        metadata.addComment("Generated by Concord: " + ephemeris.method() + " from a " + ephemeris.sourceKind()
                + " record" + (ephemeris.approximate() ? "; APPROXIMATE (no Earth orientation data)" : ""));
        metadata.addComment(ephemeris.elementAge().describe());
        ephemeris.notes().forEach(metadata::addComment);
        metadata.setObjectName(ephemeris.objectName());
        metadata.setObjectID(ephemeris.objectId());
        metadata.setCenter(BodyFacade.create(CenterName.EARTH, context));
        metadata.setReferenceFrame(FrameFacade.map(frame));
        metadata.setTimeSystem(TimeSystem.UTC);
        metadata.setStartTime(date(samples.get(0).time(), utc));
        metadata.setStopTime(date(samples.get(samples.size() - 1).time(), utc));
        // degree 3: SGP4 velocities are not exactly the derivatives of its positions, and higher degrees amplify
        // that near the ends of the span (0.6 m at degree 3, 17 m at degree 7, a step from the start of an ISS
        // ephemeris at 60 s; about 1 cm inside at either degree)
        metadata.setInterpolationMethod(InterpolationMethod.HERMITE);
        metadata.setInterpolationDegree(Math.max(1, Math.min(3, samples.size() - 1)));
        OemData data = new OemData();
        for (EphemerisSample sample : samples) {
            EphemerisSample.Cartesian c = (EphemerisSample.Cartesian) sample;
            data.addData(new TimeStampedPVCoordinates(date(c.time(), utc), vector(c.positionMeters()),
                    vector(c.velocityMetersPerSecond())), false);
        }
        OdmHeader header = new OdmHeader();
        header.setFormatVersion(OemWriter.CCSDS_OEM_VERS);
        header.setCreationDate(date(Instant.now().truncatedTo(ChronoUnit.MILLIS), utc));
        header.setOriginator(originator);
        double mu = Constants.WGS84_EARTH_MU;
        Oem oem = new Oem(header, List.of(new OemSegment(metadata, data, mu)), IERSConventions.IERS_2010,
                context, mu);
        try (generator) {
            new WriterBuilder(context).buildOemWriter().writeMessage(generator, oem);
        }
    }

    private static Vector3D vector(Vector3 v) {
        return new Vector3D(v.x(), v.y(), v.z());
    }

    private static AbsoluteDate date(Instant time, TimeScale utc) {
        return new AbsoluteDate(time, utc);
    }
}
