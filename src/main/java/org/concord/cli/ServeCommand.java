package org.concord.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.javalin.util.JavalinBindException;
import org.concord.http.ApiServer;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "Start the node's HTTP API (loads the bundled sample catalog into an empty"
        + " catalog unless sample.load=false).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: http.port, 8080; 0 = any free)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig config = parent.config();
        if (port != null) {
            config = config.withHttpPort(port);
        }
        System.out.println("opening node " + config.party() + " (data: " + config.dataDirectory() + ") ...");
        Node node = Node.open(config);
        if (config.loadSampleCatalog()) {
            node.loadSampleCatalogIfEmpty(System.out::println);
        }
        int abandoned = node.screening().failStaleRuns();
        if (abandoned > 0) {
            System.out.println(abandoned + " screening run(s) interrupted by the last stop marked FAILED");
        }
        ApiServer server = new ApiServer(node);
        int actualPort;
        try {
            actualPort = server.start(config.httpHost(), config.httpPort());
        } catch (JavalinBindException e) {
            server.close();
            node.close();
            throw new IllegalStateException("cannot serve on " + config.httpHost() + ":" + config.httpPort()
                    + ": the port is already in use (choose another with --port N or http.port)");
        }
        node.federation().startPulling(config.federationPullPeriod());
        node.connectors().start();
        node.taxiiPuller().startPulling(config.taxiiPullPeriod());
        node.events().startCatchingUp();
        node.watches().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            node.close();
            stopped.countDown();
        }));
        System.out.println("Concord node " + config.party() + " serving http://" + config.httpHost() + ":"
                + actualPort + "/api/v1/status (data: " + config.dataDirectory() + "; node key "
                + node.identity().fingerprint().substring(0, 16) + ", " + node.federation().peers().stream()
                .filter(org.concord.federation.Peer::isActive).count() + " peers)");
        stopped.await();
        return 0;
    }
}
