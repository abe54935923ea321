package org.concord.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmWriter;
import org.concord.input.Choices;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryRdm;
import org.concord.reentry.ReentryReport;
import org.concord.reentry.ReentryWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code concord reentry rdm ID} and {@code concord reentry reports NORAD_ID}: a prediction as a CCSDS RDM, and the
 * re-entry reports of other originators (TIP, RDM) held of an object; thin adapters over {@code reentry}.
 */
final class ReentryReportCommands {

    private ReentryReportCommands() {
    }

    @Command(name = "rdm", description = "Print a stored re-entry prediction (its id, as concord reentries lists"
            + " it) as a CCSDS 508.1-B-1 re-entry data message, in KVN or XML.")
    static final class Rdm implements Callable<Integer> {

        @ParentCommand
        ReentryCommands.ReentryCommand reentry;

        @Parameters(index = "0", paramLabel = "PREDICTION_ID") long id;

        @Option(names = "--format", defaultValue = "kvn", description = "kvn (the default) or xml") String format;

        @Override
        public Integer call() {
            String chosen = Choices.of("--format", format, List.of("kvn", "xml"));
            try (Node node = reentry.parent.openNode()) {
                Product<ReentryPrediction> p = node.products().find(ReentryKind.INSTANCE, id, LabelFilter.UNRESTRICTED)
                        .orElseThrow(() -> new IllegalArgumentException("no re-entry prediction " + id));
                RdmMessage rdm = ReentryRdm.of(p, node.config().party(),
                        node.catalog().findObject(p.value().noradId(), LabelFilter.UNRESTRICTED)).orElseThrow(() ->
                        new IllegalArgumentException("re-entry prediction " + id + " gives no re-entry epoch (outcome "
                                + p.value().outcome() + "); an RDM must give the remaining lifetime"));
                System.out.print(chosen.equals("xml") ? RdmWriter.writeXml(rdm) : RdmWriter.writeKvn(rdm));
            }
            return 0;
        }
    }

    @Command(name = "reports", description = "List the re-entry reports of other originators (Space-Track TIP"
            + " messages, RDMs) held of one object, newest first, and the confirmation that it re-entered.")
    static final class Reports implements Callable<Integer> {

        @ParentCommand
        ReentryCommands.ReentryCommand reentry;

        @Parameters(index = "0", paramLabel = "NORAD_ID") long noradId;

        @Override
        public Integer call() {
            try (Node node = reentry.parent.openNode()) {
                List<Product<ReentryReport>> reports = node.reentryReports().of(noradId, LabelFilter.UNRESTRICTED);
                System.out.printf("%-9s %-6s %-14s %-20s %-24s %-24s %-24s %-9s %-9s %s%n", "NORAD", "SOURCE",
                        "ORIGINATOR", "ISSUED", "NOMINAL", "WINDOW_OPENS", "WINDOW_CLOSES", "LAT", "LON", "LABEL");
                for (Product<ReentryReport> p : reports) {
                    ReentryReport r = p.value();
                    System.out.printf("%-9d %-6s %-14s %-20s %-24s %-24s %-24s %-9s %-9s %s%n", r.noradId(),
                            r.source(), r.messageOriginator(), r.issuedAt().toString().substring(0, 19),
                            r.nominal().map(Instant::toString).orElse("-"),
                            r.window().map(ReentryWindow::opens).map(Instant::toString).orElse("-"),
                            r.window().map(ReentryWindow::closes).map(Instant::toString).orElse("-"),
                            r.latitudeDegrees().map(String::valueOf).orElse("-"),
                            r.longitudeDegrees().map(String::valueOf).orElse("-"),
                            p.label().releasability() + " TLP:" + p.label().tlp().code());
                }
                System.out.println(node.reentryReports().reentered(noradId, LabelFilter.UNRESTRICTED)
                        .map(c -> "re-entered " + c.value().nominal().map(Instant::toString).orElse("?") + " at "
                                + c.value().latitudeDegrees().map(String::valueOf).orElse("?") + ", "
                                + c.value().longitudeDegrees().map(String::valueOf).orElse("?") + " (" + c.value()
                                .source() + " " + c.value().messageId() + ")")
                        .orElse(reports.size() + " report(s); no confirmation that it re-entered"));
            }
            return 0;
        }
    }
}
