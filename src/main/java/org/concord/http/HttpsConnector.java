package org.concord.http;

import org.concord.node.NodeConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS connector a node serves beside plain HTTP when its configuration names a key store. */
final class HttpsConnector {

    private HttpsConnector() {
    }

    static Connector of(Server server, HttpConfiguration plain, NodeConfig.Https https) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePath(https.keyStore().path().toString());
        tls.setKeyStorePassword(https.keyStore().password());
        HttpConfiguration secure = new HttpConfiguration(plain);
        SecureRequestCustomizer customizer =
                new SecureRequestCustomizer();
        // partners may address a node by IP, which sends no SNI name; the certificate check is the client's
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(secure));
        connector.setHost(https.host());
        connector.setPort(https.port());
        return connector;
    }
}
