package org.concord.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.covariance.ElementSetHistories;
import org.concord.covariance.ElementSetHistory;
import org.concord.covariance.EncounterEstimate;
import org.concord.covariance.EstimatedCovariance;
import org.concord.formats.CdmReader;
import org.concord.formats.CdmWriter;
import org.concord.label.LabelFilter;
import org.concord.orbit.EarthCentredContext;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.orbit.PropagationException;
import org.concord.orbit.Sgp4;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CenterName;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.PocMethodFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmData;
import org.orekit.files.ccsds.ndm.cdm.CdmHeader;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmSegment;
import org.orekit.files.ccsds.ndm.cdm.CovarianceMethod;
import org.orekit.files.ccsds.ndm.cdm.Maneuvrable;
import org.orekit.files.ccsds.ndm.cdm.RTNCovariance;
import org.orekit.files.ccsds.ndm.cdm.StateVector;
import org.orekit.files.ccsds.section.CommentsContainer;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.frames.LOFType;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.PVCoordinates;

/**
 * An event as a CCSDS CDM (508.0-B-1, KVN or XML, Orekit's writer), from its latest update:
 * <ul>
 * <li>an update that came as a CDM: that CDM, written again, with header COMMENT lines naming the event and the
 * covariance source (measured: the CDM's own);</li>
 * <li>an update computed from element sets (a screening, or a partner's conjunction whose orbit records this node
 * holds): both states at TCA by SGP4 from the records (in GCRF), the update's TCA, miss and RTN miss vector, and both
 * covariances ESTIMATED from the element-set histories ({@code covariance}) with {@code COVARIANCE_METHOD = DEFAULT}
 * (not computed by orbit determination), the Pc they give, and header COMMENT lines saying so and giving the maximum
 * Pc (header rather than relative-metadata comments: Orekit's XML parser keeps only the first of those).</li>
 * </ul>
 * The standard requires each object's covariance: an update without a measured or estimated covariance for both
 * objects has no CDM ({@link NoCdmException}, saying why and that its Pc is a maximum). Nothing the data never had is
 * written: no OD parameters, no object type, no operator; fields the standard requires and the data does not know
 * are {@code UNKNOWN} (name, designator) or {@code NONE} (external ephemeris), {@code N/A} (manoeuvrable).
 * <p>It reads every record behind the event unfiltered: the caller has checked that the reader may see the event,
 * which holds only where every update and record behind it may be seen.
 */
public final class EventCdm {

    /** The CDM's text forms. */
    public enum Format {
        KVN, XML;

        /** "kvn" or "xml", any case. */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format '" + text + "' is not one of kvn, xml");
        }
    }

    /** The event has no CDM form; the message says why. */
    public static final class NoCdmException extends IllegalStateException {
        NoCdmException(String message) {
            super(message);
        }
    }

    private static final String UNKNOWN = "UNKNOWN";

    private final CatalogStore catalog;
    private final ConjunctionStore conjunctions;
    private final MeanElementsDecoder decoder;
    private final String party;
    private final Clock clock;

    public EventCdm(CatalogStore catalog, ConjunctionStore conjunctions, MeanElementsDecoder decoder, String party,
                    Clock clock) {
        this.catalog = catalog;
        this.conjunctions = conjunctions;
        this.decoder = decoder;
        this.party = party;
        this.clock = clock;
    }

    /**
     * The CDM of the event's latest update.
     *
     * @throws NoCdmException when the update lacks what a CDM requires (a covariance of each object)
     */
    public String write(Product<ConjunctionEvent> event, Format format) {
        return text(compose(event), format);
    }

    static String text(Cdm cdm, Format format) {
        return format == Format.XML ? CdmWriter.writeXml(cdm) : CdmWriter.writeKvn(cdm);
    }

    /** The CDM of the event's latest update, as Orekit holds it. */
    Cdm compose(Product<ConjunctionEvent> event) {
        EventUpdate latest = event.value().latest();
        String what = "event " + event.id() + " (update " + latest.number() + ")";
        Conjunction c = event.inputs().stream().filter(i -> i.role().equals(EventKind.updateRole(latest.number())))
                .findFirst().map(ProductInput::id)
                .flatMap(id -> conjunctions.findConjunction(id, LabelFilter.UNRESTRICTED))
                .orElseThrow(() -> new NoCdmException(what + ": the conjunction of its latest update is no longer"
                        + " held"));
        List<String> comments = new ArrayList<>();
        comments.add("Concord " + what + ", " + latest.source() + " from " + latest.originator() + ", computed "
                + latest.computedAt());
        if (c.cdm().isPresent()) {
            Cdm cdm = CdmReader.parse(what, c.cdm().get());
            comments.add("Covariance source: MEASURED, the covariances of the CDM this update came as");
            List<String> all = new ArrayList<>(comments);
            all.addAll(cdm.getHeader().getComments());
            cdm.getHeader().setComments(all);
            return cdm;
        }
        return fromElementSets(event.id(), what, latest, c, comments);
    }

    private Cdm fromElementSets(long eventId, String what, EventUpdate latest, Conjunction c, List<String> comments) {
        String maximum = latest.risk().filter(r -> r.source() == org.concord.risk.CovarianceSource.MAXIMUM)
                .map(r -> String.format(Locale.ROOT, "; its Pc %.4e is a MAXIMUM Pc (the largest any covariance"
                        + " size could give), not a measured Pc", r.probability())).orElse("");
        Side primary = side(c.primaryOrbitId(), what, "primary", c.primaryNoradId(), maximum);
        Side secondary = side(c.secondaryOrbitId(), what, "secondary", c.secondaryNoradId(), maximum);
        TimeScale utc = EarthCentredContext.get().getTimeScales().getUTC();
        AbsoluteDate tca = new AbsoluteDate(latest.tca(), utc);
        PVCoordinates primaryTeme = primary.stateAt(tca, what);
        PVCoordinates secondaryTeme = secondary.stateAt(tca, what);
        double hbr = latest.risk().map(CollisionRisk::combinedHardBodyRadiusMeters).filter(Double::isFinite)
                .orElseThrow(() -> new NoCdmException(what + " gives no hard-body radius"));
        Frame teme = FramesFactory.getTEME();
        ElementSetHistories histories = new ElementSetHistories(catalog, decoder);
        EncounterEstimate estimate = EncounterEstimate.of(primary.history(histories, what, maximum), primaryTeme,
                secondary.history(histories, what, maximum), secondaryTeme, teme, tca, hbr)
                .orElseThrow(() -> new NoCdmException(what + ": a CCSDS CDM requires both objects' covariances at"
                        + " TCA, and the element-set histories give too few differences over spans near this TCA to"
                        + " estimate one (docs/events.md)" + maximum));
        double maximumPc = CollisionRisk.maximum(latest.missDistanceMeters(), hbr, "").probability();
        comments.add("Covariance source: ESTIMATED from each object's element-set history (TLE differencing,"
                + " Osweiler 2006, Flohrer et al. 2008), NOT measured by orbit determination; covariance method"
                + " DEFAULT");
        comments.add(String.format(Locale.ROOT, "The collision probability is computed with the estimated covariances;"
                + " the maximum Pc at this miss distance is %.4e; combined hard-body radius %.3f m", maximumPc, hbr));
        latest.risk().ifPresent(r -> comments.add(String.format(Locale.ROOT, "The update's own Pc: %.4e (%s, %s)",
                r.probability(), r.method(), r.source())));

        Frame gcrf = FramesFactory.getGCRF();
        PVCoordinates primaryGcrf = teme.getTransformTo(gcrf, tca).transformPVCoordinates(primaryTeme);
        PVCoordinates secondaryGcrf = teme.getTransformTo(gcrf, tca).transformPVCoordinates(secondaryTeme);

        CdmHeader header = new CdmHeader();
        header.setFormatVersion(1.0);
        header.setCreationDate(new AbsoluteDate(clock.instant(), utc));
        header.setOriginator(party);
        header.setMessageId(party + "-EVENT-" + eventId + "-" + latest.number());
        header.setComments(comments);

        CdmRelativeMetadata relative = new CdmRelativeMetadata();
        relative.setTimeSystem(TimeSystem.UTC);
        relative.setTca(tca);
        relative.setMissDistance(latest.missDistanceMeters());
        latest.relativeSpeedMetersPerSecond().ifPresent(relative::setRelativeSpeed);
        Rotation toRtn = LOFType.QSW_INERTIAL.rotationFromInertial(primaryGcrf);
        Vector3D relativeVelocity = toRtn.applyTo(secondaryGcrf.getVelocity().subtract(primaryGcrf.getVelocity()));
        relative.setRelativePositionR(latest.radialMeters());
        relative.setRelativePositionT(latest.inTrackMeters());
        relative.setRelativePositionN(latest.crossTrackMeters());
        relative.setRelativeVelocityR(relativeVelocity.getX());
        relative.setRelativeVelocityT(relativeVelocity.getY());
        relative.setRelativeVelocityN(relativeVelocity.getZ());
        relative.setCollisionProbability(estimate.probability().probability());
        relative.setCollisionProbaMethod(PocMethodFacade.parse("ALFANO-2005"));

        List<CdmSegment> segments = List.of(
                segment("OBJECT1", primary, primaryGcrf, estimate.primary(), relative),
                segment("OBJECT2", secondary, secondaryGcrf, estimate.secondary(), relative));
        return new Cdm(header, segments, IERSConventions.IERS_2010, EarthCentredContext.get());
    }

    /** One object of the update: its orbit record and element set. */
    private record Side(long noradId, OrbitRecord record, TLE elementSet) {

        PVCoordinates stateAt(AbsoluteDate tca, String what) {
            try {
                return Sgp4.of(elementSet).temePv(tca);
            } catch (PropagationException e) {
                throw new NoCdmException(what + ": object " + noradId + "'s element set cannot be propagated to"
                        + " TCA: " + e.getMessage());
            }
        }

        ElementSetHistory history(ElementSetHistories histories, String what, String maximum) {
            return histories.of(record, elementSet).orElseThrow(() -> new NoCdmException(what + ": a CCSDS CDM"
                    + " requires both objects' covariances at TCA; object " + noradId + "'s element set carries none"
                    + " and this node holds no earlier element set of it from the same source under the same label"
                    + " to estimate one from (docs/events.md)" + maximum));
        }
    }

    private Side side(Optional<Long> orbitId, String what, String role, long noradId, String maximum) {
        OrbitRecord record = orbitId.flatMap(id -> catalog.findOrbit(id, LabelFilter.UNRESTRICTED))
                .orElseThrow(() -> new NoCdmException(what + ": this node does not hold the orbit record of the "
                        + role + " object " + noradId + " the update was computed from"));
        if (record.kind() != OrbitKind.MEAN_ELEMENTS) {
            throw new NoCdmException(what + ": the " + role + " object " + noradId + "'s orbit record is "
                    + record.kind() + ", not an element set: Concord writes CDMs of element-set updates and of CDMs"
                    + maximum);
        }
        try {
            return new Side(noradId, record, decoder.toTle(record.format(), record.content()));
        } catch (RuntimeException e) {
            throw new NoCdmException(what + ": object " + noradId + "'s element set cannot be read: "
                    + e.getMessage());
        }
    }

    private static CdmSegment segment(String object, Side side, PVCoordinates gcrf, EstimatedCovariance covariance,
                                      CdmRelativeMetadata relative) {
        CdmMetadata metadata = new CdmMetadata(EarthCentredContext.get());
        metadata.addComment("Covariance " + covariance.describe());
        metadata.addComment("Element set of " + side.record().epoch() + " (orbit record " + side.record().id() + ")");
        metadata.setRelativeMetadata(relative);
        metadata.setObject(object);
        metadata.setObjectDesignator(Long.toString(side.noradId()));
        metadata.setCatalogName("SATCAT");
        metadata.setObjectName(side.record().objectName().isBlank() ? UNKNOWN : side.record().objectName());
        metadata.setInternationalDes(side.record().internationalDesignator().filter(d -> !d.isBlank())
                .orElse(UNKNOWN));
        metadata.setEphemName("NONE");
        metadata.setCovarianceMethod(CovarianceMethod.DEFAULT);
        metadata.setManeuverable(Maneuvrable.N_A);
        metadata.setOrbitCenter(BodyFacade.create(CenterName.EARTH, EarthCentredContext.get()));
        metadata.setRefFrame(FrameFacade.map(FramesFactory.getGCRF()));

        StateVector state = new StateVector();
        state.setX(gcrf.getPosition().getX());
        state.setY(gcrf.getPosition().getY());
        state.setZ(gcrf.getPosition().getZ());
        state.setXdot(gcrf.getVelocity().getX());
        state.setYdot(gcrf.getVelocity().getY());
        state.setZdot(gcrf.getVelocity().getZ());

        RTNCovariance rtn = new RTNCovariance();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                rtn.setCovarianceMatrixEntry(i, j, covariance.entry(i, j));
            }
        }
        return new CdmSegment(metadata, new CdmData(new CommentsContainer(), null, null, state, rtn));
    }
}
