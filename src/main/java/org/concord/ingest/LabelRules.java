package org.concord.ingest;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * The label a source gets when the ingest names none: the first rule whose file-name glob matches the source name,
 * else, for the node's own ingest (the command line), the node's default label ({@code label.default}), and for an
 * upload over HTTP a private label: releasable to the uploading party and the node's own party only, TLP:AMBER.
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

    /** The label of a source the node ingests itself: the matching rule's, else the default label. */
    public Label labelFor(String sourceName) {
        return ruleFor(sourceName).orElse(defaultLabel);
    }

    /**
     * The label of a source uploaded over HTTP: the matching rule's (as originator {@code asParty}, when the uploader
     * ingests only as its party), else releasable to the uploading party and the node's own party only (the node
     * holds the data and screens it), at TLP:AMBER. Never the node's default label: a configured public default for
     * the node's own ingest must not publish what partners upload.
     */
    public Label uploadLabelFor(String sourceName, Optional<String> asParty, String nodeParty) {
        Optional<Label> rule = ruleFor(sourceName);
        if (rule.isPresent()) {
            return asParty.map(rule.get()::withOriginator).orElse(rule.get());
        }
        return privateTo(asParty.orElse(nodeParty), nodeParty);
    }

    /**
     * Releasable to {@code party} and the node's own party only, TLP:AMBER, originated by {@code party}: an upload's
     * label when nothing names one, and the widest label of a partner party's screening results.
     */
    public static Label privateTo(String party, String nodeParty) {
        return new Label(party, Releasability.to(party, nodeParty), Tlp.AMBER, Collections.emptySortedSet(),
                Optional.empty());
    }

    private Optional<Label> ruleFor(String sourceName) {
        Path fileName = Path.of(sourceName.replace('\\', '/').replaceAll(".*/", "").replaceAll("[^\\w.\\-+ ]", "_"));
        for (int i = 0; i < rules.size(); i++) {
            if (matchers.get(i).matches(fileName)) {
                return Optional.of(rules.get(i).label());
            }
        }
        return Optional.empty();
    }
}
