package org.concord.federation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.concord.label.DataKind;

/**
 * Where a peer's feed stands: for each lane, the highest orbit record (or product) id released to the peer, the
 * highest recall id considered, and the highest restatement considered (a product changed in place after it was
 * released, such as a conjunction event that gained updates: it is sent again). A lane the peer could not see keeps
 * its place, so a lane that becomes visible (a new agreement) releases its whole backlog, and one that becomes visible
 * again releases what it missed.
 */
public record FeedCursors(Map<Lane, Long> lanes, long recall, long restated) {

    public static final FeedCursors START = new FeedCursors(Map.of(), 0, 0);

    public FeedCursors {
        lanes = Collections.unmodifiableMap(new TreeMap<>(lanes));
    }

    public long of(Lane lane) {
        return lanes.getOrDefault(lane, 0L);
    }

    /** Text form for storage: {@code 12:ORBITS=345,13:EPHEMERIDES=20;r=5;u=3}. */
    public String encode() {
        StringBuilder b = new StringBuilder();
        lanes.forEach((lane, id) -> {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(lane.labelId()).append(':').append(lane.kind().code()).append('=').append(id);
        });
        return b.append(";r=").append(recall).append(";u=").append(restated).toString();
    }

    /**
     * Reads {@link #encode}'s form; one stored before restatements were sent ({@code ...;r=5}) has considered none
     * (there were none to consider: they are recorded from the same version on).
     */
    public static FeedCursors decode(String text) {
        int semicolon = text.lastIndexOf(";r=");
        if (semicolon < 0) {
            throw new IllegalArgumentException("feed cursors '" + text + "' lack the recall cursor");
        }
        TreeMap<Lane, Long> lanes = new TreeMap<>();
        String laneText = text.substring(0, semicolon);
        if (!laneText.isEmpty()) {
            for (String part : laneText.split(",")) {
                int colon = part.indexOf(':');
                int eq = part.indexOf('=');
                lanes.put(new Lane(Long.parseLong(part.substring(0, colon)),
                        DataKind.ofStored(part.substring(colon + 1, eq))), Long.parseLong(part.substring(eq + 1)));
            }
        }
        String rest = text.substring(semicolon + 3);
        int restated = rest.indexOf(";u=");
        return new FeedCursors(lanes, Long.parseLong(restated < 0 ? rest : rest.substring(0, restated)),
                restated < 0 ? 0 : Long.parseLong(rest.substring(restated + 3)));
    }
}
