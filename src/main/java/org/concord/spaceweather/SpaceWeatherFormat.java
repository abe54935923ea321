package org.concord.spaceweather;

import java.util.Optional;

import org.concord.catalog.Provenance;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;

/**
 * The space weather formats a node reads, each recognised from the content (not the file name): CelesTrak's
 * {@code SW-All.csv}, the CSSI {@code SpaceWeather-All-v1.2.txt}, and SWPC's planetary K index, 10.7 cm flux and
 * alerts JSON products.
 */
public enum SpaceWeatherFormat {
    CELESTRAK_CSV("celestrak-csv"),
    CSSI("cssi"),
    SWPC_KP("swpc-kp"),
    SWPC_F107("swpc-f107"),
    SWPC_ALERTS("swpc-alerts");

    private final String code;

    SpaceWeatherFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The format of this text, if it is a space weather format (else it is something else: an orbit message). */
    public static Optional<SpaceWeatherFormat> detect(String text) {
        String start = text.stripLeading();
        if (start.startsWith("DATE,BSRN,ND,KP1")) {
            return Optional.of(CELESTRAK_CSV);
        }
        if (start.startsWith("DATATYPE CssiSpaceWeather")) {
            return Optional.of(CSSI);
        }
        if (start.startsWith("[")) {
            return SwpcJson.detect(start);
        }
        return Optional.empty();
    }

    /**
     * Reads a space weather input whole.
     *
     * @throws InputRejectedException naming the file, line (or JSON path) and field of every error found, when it is
     *                                not a space weather format or any of its values is not valid
     */
    public static ParsedSpaceWeather read(String text, Provenance provenance) {
        SpaceWeatherFormat format = detect(text).orElseThrow(() -> new InputRejectedException(InputError.inFile(
                provenance.sourceName(), "format", "not a space weather format this node reads (CelesTrak SW-All"
                        + " CSV, CSSI SpaceWeather-All-v1.2, SWPC planetary K index, 10.7 cm flux or alerts JSON)")));
        return switch (format) {
            case CELESTRAK_CSV -> new ParsedSpaceWeather(format, CelestrakCsvReader.read(text, provenance), java.util.List.of());
            case CSSI -> new ParsedSpaceWeather(format, CssiReader.read(text, provenance), java.util.List.of());
            case SWPC_KP -> new ParsedSpaceWeather(format, SwpcJson.readKp(text, provenance), java.util.List.of());
            case SWPC_F107 -> new ParsedSpaceWeather(format, SwpcJson.readFlux(text, provenance), java.util.List.of());
            case SWPC_ALERTS -> new ParsedSpaceWeather(format, java.util.List.of(),
                    SwpcJson.readAlerts(text, provenance));
        };
    }
}
