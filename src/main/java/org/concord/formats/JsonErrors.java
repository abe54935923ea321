package org.concord.formats;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** The error of a JSON input Jackson could not read, at its line when Jackson knows it. */
final class JsonErrors {

    private JsonErrors() {
    }

    static InputError of(String fileName, IOException e) {
        if (e instanceof JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            return new InputError(fileName, where == null ? Optional.empty() : Optional.of(where.getLineNr()),
                    Optional.empty(), "JSON", "malformed JSON: " + malformed.getOriginalMessage());
        }
        return InputError.inFile(fileName, "JSON", "cannot be read: " + e.getMessage());
    }
}
