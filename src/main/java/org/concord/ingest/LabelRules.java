package org.concord.ingest;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

import org.concord.label.Label;

/**
 * The label a source gets when the ingest names none: the first rule whose file-name glob matches the source name,
 * else the node's default label.
 */
public final class LabelRules {

    /** A glob on the source's file name (such as {@code gbr-*.oem}) and the label it gives. */
    public record Rule(String glob, Label label) {
    }

    private final Label defaultLabel;
    private final List<Rule> rules;
    private final List<PathMatcher> matchers;

    public LabelRules(Label defaultLabel, List<Rule> rules) {
        this.defaultLabel = defaultLabel;
        this.rules = List.copyOf(rules);
        this.matchers = rules.stream().map(r -> FileSystems.getDefault().getPathMatcher("glob:" + r.glob())).toList();
    }

    public Label defaultLabel() {
        return defaultLabel;
    }

    public Label labelFor(String sourceName) {
        Path fileName = Path.of(sourceName.replace('\\', '/').replaceAll(".*/", "").replaceAll("[^\\w.\\-+ ]", "_"));
        for (int i = 0; i < rules.size(); i++) {
            if (matchers.get(i).matches(fileName)) {
                return rules.get(i).label();
            }
        }
        return defaultLabel;
    }
}
