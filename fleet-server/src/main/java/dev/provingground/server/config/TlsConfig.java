package dev.provingground.server.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS for both listeners (HTTP API and the embedded MQTT endpoint), from PEM files. Both unset: plain TCP.
 *
 * @param certFile PEM certificate chain of the server (leaf first); null = no TLS
 * @param keyFile  PEM private key of that certificate (PKCS#8 or PKCS#1); null = no TLS
 */
public record TlsConfig(Path certFile, Path keyFile) {

    public TlsConfig {
        if ((certFile == null) != (keyFile == null))
            throw new IllegalArgumentException("tls: certFile and keyFile go together (--tls-cert and --tls-key); got only "
                    + (certFile != null ? "certFile " + certFile : "keyFile " + keyFile));
    }

    public static TlsConfig none() {
        return new TlsConfig(null, null);
    }

    public boolean enabled() {
        return certFile != null;
    }

    /** Checks the files can be read, so a typo is named before any port is opened. */
    public void checkReadable() {
        if (!enabled()) return;
        for (Path p : new Path[]{certFile, keyFile})
            if (!Files.isReadable(p)) throw new ConfigException("tls: cannot read " + p.toAbsolutePath());
    }
}
