package org.concord.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.input.Arguments;

/**
 * A command's options as the API's parameters, so that a search or a propagation is read by the same rules and
 * limits on both paths; messages name the options as typed.
 */
final class OptionArguments {

    private final Map<String, List<String>> given = new LinkedHashMap<>();
    private final Map<String, String> shown = new LinkedHashMap<>();

    /** Option {@code option} gives parameter {@code parameter}; a {@code null} value is an option not given. */
    OptionArguments put(String parameter, String option, Object value) {
        shown.put(parameter, option);
        if (value != null) {
            given.put(parameter, List.of(value.toString()));
        }
        return this;
    }

    Arguments arguments(Collection<String> parameters) {
        return Arguments.of(given, parameters).shownAs(shown);
    }
}
