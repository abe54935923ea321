package org.concord.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Why an object's latest orbit record is the one shown: of the records the caller may see, it has the newest epoch;
 * of those at that epoch, its originator's source priority is the highest; of equal priorities, it was stored last.
 * {@code alternatives} are the other records at that epoch that the caller may see, best first.
 */
public record LatestOrbitChoice(Source chosen, Instant epoch, List<Source> alternatives) {

    /** A record at the chosen epoch: its id, its originator and that originator's source priority. */
    public record Source(long orbitId, String originator, int priority) {
    }

    /** The rule that set the chosen record apart from the best alternative. */
    public enum Rule {
        NEWEST_EPOCH("newest epoch"),
        SOURCE_PRIORITY("source priority"),
        MOST_RECENTLY_STORED("most recently stored");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public LatestOrbitChoice {
        alternatives = List.copyOf(alternatives);
    }

    public Rule rule() {
        if (alternatives.isEmpty()) {
            return Rule.NEWEST_EPOCH;
        }
        return alternatives.stream().anyMatch(a -> a.priority() == chosen.priority()) ? Rule.MOST_RECENTLY_STORED
                : Rule.SOURCE_PRIORITY;
    }

    /** The choice in words, naming only the records in this choice. */
    public String reason() {
        StringBuilder reason = new StringBuilder("newest epoch ").append(epoch);
        if (alternatives.isEmpty()) {
            return reason.append("; no other record at that epoch").toString();
        }
        reason.append("; ").append(alternatives.size())
                .append(alternatives.size() == 1 ? " other record" : " other records").append(" at the same epoch: ");
        List<String> each = new ArrayList<>();
        for (Source a : alternatives) {
            String which = "record " + a.orbitId() + " from " + a.originator() + " (priority " + a.priority() + ")";
            each.add(a.priority() == chosen.priority()
                    ? which + " has the same priority and was stored earlier than record " + chosen.orbitId()
                    : which + " ranks below " + chosen.originator() + " (priority " + chosen.priority() + ")");
        }
        return reason.append(String.join("; ", each)).toString();
    }
}
