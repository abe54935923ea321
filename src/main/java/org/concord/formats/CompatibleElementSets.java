package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.concord.catalog.OrbitRecord;
import org.concord.formats.ElementSetExport.Layout;

/**
 * Many element sets in the forms Space-Track and CelesTrak serve them: TLEs with the name line each expects (none,
 * the name alone as CelesTrak's {@code FORMAT=TLE}, or {@code 0 NAME} as both sites' 3LE), or the OMM documents of
 * {@link ElementSetStream}. Each TLE is {@link ElementSetExport}'s, so its two lines are those the native API serves.
 */
public final class CompatibleElementSets {

    /** The forms of a compatible answer, with their media types. */
    public enum Form {
        TWO_LINE(Optional.empty()), NAMED_TLE(Optional.empty()), THREE_LINE(Optional.empty()),
        OMM_KVN(Optional.of(Layout.OMM_KVN)), OMM_XML(Optional.of(Layout.OMM_XML)),
        OMM_JSON(Optional.of(Layout.OMM_JSON)), OMM_CSV(Optional.of(Layout.OMM_CSV));

        private final Optional<Layout> omm;

        Form(Optional<Layout> omm) {
            this.omm = omm;
        }

        public String mediaType() {
            return omm.map(Layout::mediaType).orElse("text/plain");
        }
    }

    private CompatibleElementSets() {
    }

    /** Writes {@code records} in {@code form} on {@code out}, with {@code comments} where an OMM has a place. */
    public static void write(Writer out, Form form, List<OrbitRecord> records,
                             Function<OrbitRecord, List<String>> comments) {
        if (form.omm.isPresent()) {
            try (ElementSetStream stream = ElementSetStream.open(out, form.omm.get(), Optional.empty())) {
                records.forEach(record -> stream.write(record, comments.apply(record)));
            }
            return;
        }
        try {
            for (OrbitRecord record : records) {
                out.write(tle(record, form));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tle(OrbitRecord record, Form form) {
        List<String> lines = ElementSetExport.export(record, Layout.TLE, List.of(), Optional.empty()).lines()
                .toList();
        String twoLines = lines.get(lines.size() - 2) + "\n" + lines.getLast() + "\n";
        String name = record.objectName().strip();
        return switch (form) {
            case NAMED_TLE -> name + "\n" + twoLines;
            case THREE_LINE -> "0 " + name + "\n" + twoLines;
            default -> twoLines;
        };
    }
}
