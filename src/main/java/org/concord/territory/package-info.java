/**
 * States and territories on the ground: the admin-0 boundaries of Natural Earth at 1:50m (the {@code world-atlas}
 * TopoJSON, vendored with its source and licence beside it in the resources), each with its ISO 3166-1 alpha-3 code
 * (the codes parties use), and which of them a line over the ground crosses, through a spatial index (JTS).
 * <p>Depends on no other Concord package.
 */
package org.concord.territory;
