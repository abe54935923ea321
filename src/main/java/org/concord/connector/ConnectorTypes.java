package org.concord.connector;

import java.util.List;

/** The source types a node knows; a new one is added here (docs/connectors.md, "Adding a source type"). */
public final class ConnectorTypes {

    public static final List<ConnectorType> BUILT_IN = List.of(SpaceTrack.GP, SpaceTrack.SATCAT, SpaceTrack.TIP, Celestrak.GP,
            Celestrak.SUPGP, Celestrak.SATCAT, Swpc.TYPE, UrlSource.TYPE);

    private ConnectorTypes() {
    }
}
