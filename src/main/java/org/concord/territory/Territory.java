package org.concord.territory;

import java.util.Optional;

/**
 * A state or territory of the boundary data.
 *
 * @param alpha3 its ISO 3166-1 alpha-3 code; empty for the few areas of the data that have none (Kosovo, Northern
 *               Cyprus, Somaliland, the Siachen Glacier, the Indian Ocean Territories), which are named only
 * @param name   its English name: the ISO 3166 short name when it has a code, the Natural Earth name otherwise
 */
public record Territory(Optional<String> alpha3, String name) {
}
