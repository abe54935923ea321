package org.concord.spaceweather;

import java.util.List;

import org.concord.label.Label;

/**
 * What one space weather ingest stored: the days of indices new to this node and those it held already, the SWPC
 * messages stored, and the alerts the node raised from the indices (those new to it).
 */
public record SpaceWeatherReport(String sourceName, String sourceSha256, SpaceWeatherFormat format, Label label,
                                 int indicesStored, int indicesUnchanged, int messagesStored,
                                 List<SpaceWeatherAlert> raised) {

    public SpaceWeatherReport {
        raised = List.copyOf(raised);
    }

    public boolean storedAny() {
        return indicesStored + messagesStored + raised.size() > 0;
    }

    public String summary() {
        return sourceName + " (" + format.code() + "): " + indicesStored + " days of indices stored, "
                + indicesUnchanged + " held already; " + messagesStored + " SWPC messages stored; " + raised.size()
                + " alerts raised; label " + label;
    }
}
