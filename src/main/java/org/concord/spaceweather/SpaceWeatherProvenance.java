package org.concord.spaceweather;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.concord.catalog.Provenance;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Row;

/** The provenance columns both space weather kinds carry: the file, its SHA-256, when and by whom it was ingested. */
final class SpaceWeatherProvenance {

    static final List<String> COLUMNS = List.of("source_name", "source_sha256", "ingested_at", "ingested_by");

    private SpaceWeatherProvenance() {
    }

    static <T> void columns(List<Column<T>> c, Function<T, Provenance> provenance) {
        c.add(Column.of("source_name", ColumnType.TEXT, x -> Optional.of(provenance.apply(x).sourceName())));
        c.add(Column.of("source_sha256", ColumnType.TEXT, x -> Optional.of(provenance.apply(x).sourceSha256())));
        c.add(Column.of("ingested_at", ColumnType.INSTANT, x -> Optional.of(provenance.apply(x).ingestedAt())));
        c.add(Column.of("ingested_by", ColumnType.TEXT, x -> Optional.of(provenance.apply(x).ingestedBy())));
    }

    static Provenance read(Row r) {
        return new Provenance(r.required("source_name", String.class), r.required("source_sha256", String.class),
                r.required("ingested_at", Instant.class), r.required("ingested_by", String.class));
    }
}
