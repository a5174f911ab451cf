package dev.lanyard.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * OFAC's download site, outside the product: a real HTTPS server on {@value #PORT} serving
 * {@code /ofac/sdn.csv} and {@code /ofac/alt.csv}, the SDN snapshot at first. Its certificate is made
 * for this run and trusted by no JDK: a Keycloak node reaches it only through its own truststore
 * ({@code --truststore-paths} naming {@link #CERTIFICATE}). A test can publish other texts (a cut file,
 * a list with one more person) to see what a refresh does with them.
 */
public final class OfacSource implements AutoCloseable {

    public static final int PORT = 8590;
    public static final String URL = "https://127.0.0.1:" + PORT + "/ofac";
    /** The server's certificate (PEM), for the nodes' truststore. */
    public static final Path CERTIFICATE = Path.of("target", "ofac-source.pem").toAbsolutePath();

    private final HttpsServer server;
    private volatile String sdn;
    private volatile String alt;

    private OfacSource(HttpsServer server, String sdn, String alt) {
        this.server = server;
        this.sdn = sdn;
        this.alt = alt;
    }

    /** Serves the snapshot in {@link LanyardServer#OFAC_SNAPSHOT}, over HTTPS with a certificate written to {@link #CERTIFICATE}. */
    public static OfacSource serveSnapshot() throws IOException, GeneralSecurityException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        OfacSource source = new OfacSource(server, snapshot("sdn.csv"), snapshot("alt.csv"));
        server.createContext("/ofac/", source::handle);
        server.start();
        return source;
    }

    public static String snapshot(String file) throws IOException {
        return Files.readString(LanyardServer.OFAC_SNAPSHOT.resolve(file), StandardCharsets.UTF_8);
    }

    /** From now on, these texts are the publication. */
    public void publish(String sdnCsv, String altCsv) {
        this.sdn = sdnCsv;
        this.alt = altCsv;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = path.endsWith("/sdn.csv") ? sdn : path.endsWith("/alt.csv") ? alt : null;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A key and a self-signed certificate for 127.0.0.1 and localhost, made now; the certificate also goes to {@link #CERTIFICATE}. */
    private static SSLContext tls() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=localhost, O=Lanyard tests (OFAC stand-in)");
        long now = System.currentTimeMillis();
        X509Certificate certificate;
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now), new Date(now - 60_000),
                    new Date(now + 86_400_000L), subject, key.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        Files.createDirectories(CERTIFICATE.getParent());
        Files.writeString(CERTIFICATE, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "ofac".toCharArray();
        store.setKeyEntry("ofac", key.getPrivate(), password, new java.security.cert.Certificate[]{certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
