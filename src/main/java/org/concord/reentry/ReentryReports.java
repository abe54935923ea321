package org.concord.reentry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.CatalogStore;
import org.concord.catalog.SourceFormat;
import org.concord.digest.Sha256;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.ParseResult;
import org.concord.formats.TipReader;
import org.concord.formats.TipRecord;
import org.concord.formats.rdm.RdmKey;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmReader;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.product.ProductService;

/**
 * Re-entry reports from other originators: TIP messages and RDMs read, stored as {@link ReentryReportKind} products
 * under the ingest's label, beside the node's own predictions. A post-decay TIP closes its object's re-entry: the
 * object's SATCAT entry gets the decay day, when it has none and the TIP's label admits everybody the entry's does
 * (filling it in must not tell anybody what the TIP may not).
 */
public final class ReentryReports {

    /** Who issues TIP messages. */
    static final String TIP_ORIGINATOR = "SPACE-TRACK";
    private static final double METERS_PER_KM = 1000.0;

    private final ProductService products;
    private final CatalogStore catalog;

    public ReentryReports(ProductService products, CatalogStore catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    /** Whether messages of this format are re-entry reports. */
    public static boolean reads(SourceFormat format) {
        return format == SourceFormat.TIP_CSV || format == SourceFormat.TIP_JSON || format == SourceFormat.RDM_KVN
                || format == SourceFormat.RDM_XML;
    }

    /**
     * What an ingest stored: reports new and already held, records refused (only with skip-invalid; otherwise any
     * error refuses the whole input), and the SATCAT decay days filled in.
     */
    public record Ingested(int stored, int unchanged, List<InputError> errors, int decayDatesFilled) {

        public Ingested {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Reads and stores the reports of one input under {@code label}, in one transaction (the caller's, with its audit
     * entry). Throws {@link InputRejectedException} (nothing stored) for any invalid record unless
     * {@code skipInvalid}, and when no record is valid.
     */
    public Ingested ingest(String fileName, String text, SourceFormat format, Label label, boolean skipInvalid) {
        List<InputError> errors = new ArrayList<>();
        List<Product<ReentryReport>> reports = new ArrayList<>();
        if (format == SourceFormat.RDM_KVN || format == SourceFormat.RDM_XML) {
            reports.add(Product.of(fromRdm(fileName, RdmReader.read(fileName, text), text), label, List.of())
                    .withKey(Sha256.hex(text)));
        } else {
            ParseResult<TipRecord> parsed = format == SourceFormat.TIP_CSV ? TipReader.readCsv(fileName, text)
                    : TipReader.readJson(fileName, text);
            errors.addAll(parsed.errors());
            for (TipRecord tip : parsed.items()) {
                reports.add(Product.of(fromTip(tip), label, List.of())
                        .withKey(Sha256.hex(("TIP " + tip.messageId()).getBytes(StandardCharsets.UTF_8))));
            }
        }
        if (!errors.isEmpty() && (!skipInvalid || reports.isEmpty())) {
            throw new InputRejectedException(errors);
        }
        List<Product<ReentryReport>> stored = products.store(ReentryReportKind.INSTANCE, reports, label.originator());
        int filled = 0;
        for (Product<ReentryReport> report : stored) {
            if (report.value().observed() && report.value().nominal().isPresent()) {
                LocalDate day = LocalDate.ofInstant(report.value().nominal().get(), ZoneOffset.UTC);
                if (catalog.fillDecayDate(report.value().noradId(), day, label, "TIP " + fileName)) {
                    filled++;
                }
            }
        }
        return new Ingested(stored.size(), reports.size() - stored.size(), errors, filled);
    }

    /** The reports of an object this filter admits, the newest issued first. */
    public List<Product<ReentryReport>> of(long noradId, LabelFilter filter) {
        return products.store().listAll(ReentryReportKind.INSTANCE, new ProductQuery(Map.of("noradId", noradId),
                ReentryReportKind.NEWEST_FIRST, ProductQuery.MAX_LIMIT, Optional.empty()), filter);
    }

    /** The newest confirmation this filter admits that the object re-entered, if one is held. */
    public Optional<Product<ReentryReport>> reentered(long noradId, LabelFilter filter) {
        return of(noradId, filter).stream().filter(r -> r.value().observed()).findFirst();
    }

    /** These predictions without those of objects a confirmation this filter admits says re-entered. */
    public List<Product<ReentryPrediction>> notReentered(List<Product<ReentryPrediction>> predictions,
                                                         LabelFilter filter) {
        return predictions.stream().filter(p -> reentered(p.value().noradId(), filter).isEmpty()).toList();
    }

    static ReentryReport fromTip(TipRecord tip) {
        boolean observed = tip.isPostDecay();
        Optional<ReentryWindow> window = observed ? Optional.empty() : Optional.of(new ReentryWindow(
                tip.decayEpoch().minus(tip.window()), tip.decayEpoch().plus(tip.window())));
        return new ReentryReport(tip.noradId(), ReentryReport.Source.TIP, TIP_ORIGINATOR,
                Long.toString(tip.messageId()), tip.messageEpoch(), observed, Optional.of(tip.decayEpoch()), window,
                tip.latitudeDegrees(), tip.longitudeDegrees(), tip.direction(), Optional.empty(), tip.content());
    }

    /** The report an RDM makes; refused when its epochs are not in UTC or its object is not known here. */
    ReentryReport fromRdm(String fileName, RdmMessage rdm, String text) {
        String timeSystem = rdm.text(RdmKey.TIME_SYSTEM).orElseThrow();
        if (!timeSystem.equals("UTC")) {
            throw new InputRejectedException(InputError.inFile(fileName, RdmKey.TIME_SYSTEM.name(), "'" + timeSystem
                    + "': Concord reads RDM epochs in UTC only"));
        }
        long noradId = noradIdOf(fileName, rdm);
        Instant tZero = rdm.instant(RdmKey.EPOCH_TZERO).orElseThrow();
        Optional<Instant> nominal = rdm.instant(RdmKey.NOMINAL_REENTRY_EPOCH)
                .or(() -> rdm.number(RdmKey.ORBIT_LIFETIME).map(days -> plusDays(tZero, days)));
        Optional<ReentryWindow> window = rdm.instant(RdmKey.REENTRY_WINDOW_START)
                .or(() -> rdm.number(RdmKey.ORBIT_LIFETIME_WINDOW_START).map(days -> plusDays(tZero, days)))
                .flatMap(opens -> rdm.instant(RdmKey.REENTRY_WINDOW_END)
                        .or(() -> rdm.number(RdmKey.ORBIT_LIFETIME_WINDOW_END).map(days -> plusDays(tZero, days)))
                        .filter(closes -> !closes.isBefore(opens))
                        .map(closes -> new ReentryWindow(opens, closes)));
        return new ReentryReport(noradId, ReentryReport.Source.RDM, rdm.text(RdmKey.ORIGINATOR).orElseThrow(),
                rdm.text(RdmKey.MESSAGE_ID).orElseThrow(), rdm.instant(RdmKey.CREATION_DATE).orElseThrow(), false,
                nominal, window, rdm.number(RdmKey.NOMINAL_IMPACT_LAT), rdm.number(RdmKey.NOMINAL_IMPACT_LON),
                Optional.empty(), rdm.number(RdmKey.REENTRY_ALTITUDE).map(km -> km * METERS_PER_KM),
                text);
    }

    private static Instant plusDays(Instant from, double days) {
        return from.plus(Duration.ofNanos(Math.round(days * 86_400e9)));
    }

    /**
     * The object: {@code OBJECT_DESIGNATOR} when it is a catalog number (its {@code CATALOG_NAME} SATCAT, or none),
     * else the object of the {@code INTERNATIONAL_DESIGNATOR} in this node's catalog.
     */
    private long noradIdOf(String fileName, RdmMessage rdm) {
        boolean satcat = rdm.text(RdmKey.CATALOG_NAME).map(c -> c.equalsIgnoreCase("SATCAT")).orElse(true);
        Optional<Long> byNumber = rdm.text(RdmKey.OBJECT_DESIGNATOR).filter(d -> satcat && d.matches("\\d{1,9}"))
                .map(Long::parseLong).filter(n -> n > 0);
        String designator = rdm.text(RdmKey.INTERNATIONAL_DESIGNATOR).orElseThrow();
        return byNumber.or(() -> catalog.noradIdOf(designator)).orElseThrow(() -> new InputRejectedException(
                InputError.inFile(fileName, RdmKey.OBJECT_DESIGNATOR.name(), "the message names no catalog number"
                        + " (OBJECT_DESIGNATOR with CATALOG_NAME = SATCAT) and its INTERNATIONAL_DESIGNATOR "
                        + designator + " is not in this node's catalog (ingest its SATCAT entry first)")));
    }
}
