package org.concord.ingest;

import java.util.Optional;

import org.concord.access.Principal;
import org.concord.label.Label;

/**
 * A user who ingests over the API, and the originator it ingests as: an operator or administrator, of the node's
 * party or a partner's. Only the node's own administrators ingest for any originator; everyone else ingests as
 * originator of its own party, so that no partner can put data into the catalog under another's name.
 */
public record Uploader(Principal principal, Optional<String> onlyAsOriginator) {

    /** The uploader a user is; refused when its role may not ingest (an analyst, a viewer, anonymous). */
    public static Uploader of(Principal principal, String nodeParty) {
        if (!principal.mayIngest()) {
            throw new UploadRefusedException("ingest needs the operator or admin role");
        }
        boolean nodeAdministrator = (principal.local() || principal.party().map(nodeParty::equals).orElse(false))
                && principal.mayAdminister();
        return new Uploader(principal, nodeAdministrator ? Optional.empty() : principal.party());
    }

    /**
     * The label of an upload named {@code sourceName}: the label the upload names ({@code labelSpec}, read over the
     * default) or else the default upload label of the rules ({@link LabelRules#uploadLabelFor}); refused when it
     * names an originator other than the one this uploader ingests as.
     */
    public Label labelFor(String sourceName, Optional<String> labelSpec, LabelRules rules, String nodeParty) {
        Label base = rules.uploadLabelFor(sourceName, onlyAsOriginator, nodeParty);
        Label label = labelSpec.map(spec -> Label.parse(spec, base)).orElse(base);
        if (onlyAsOriginator.isPresent() && !label.originator().equals(onlyAsOriginator.get())) {
            throw new UploadRefusedException("you may ingest only as originator " + onlyAsOriginator.get());
        }
        return label;
    }

    /** An upload this user may not make: the API answers it 403. */
    public static final class UploadRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UploadRefusedException(String message) {
            super(message);
        }
    }
}
