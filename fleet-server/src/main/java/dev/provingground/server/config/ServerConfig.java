package dev.provingground.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the fleet server needs to start. Defaults are the embedded setup a demo runs on; a file and
 * {@code PG_*} environment variables override them (see {@link ConfigLoader}).
 *
 * @param dataDir       where MapDB files, the operator token and keys live
 * @param http          REST, live feed and console
 * @param mqtt          how robots reach the server
 * @param sites         site files (JSON, docs/SITE-FORMAT.md) loaded at start
 * @param profilesDir   extra hardware-profile files; null = only the built-in profiles
 * @param store         persistence tuning
 * @param logins        how failed logins are slowed down per source address
 * @param evidence      how robots' reports are judged before they go on the record
 * @param tls           TLS for HTTP and the embedded MQTT endpoint (PEM files); none by default
 * @param auth          token lifetime and access to {@code /metrics}
 */
public record ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, List<Path> sites, Path profilesDir,
                           StoreConfig store, LoginConfig logins, EvidenceConfig evidence, TlsConfig tls,
                           AuthConfig auth) {

    public ServerConfig {
        if (dataDir == null) throw new IllegalArgumentException("dataDir: required");
        if (http == null) throw new IllegalArgumentException("http: required");
        if (mqtt == null) throw new IllegalArgumentException("mqtt: required");
        if (store == null) throw new IllegalArgumentException("store: required");
        sites = sites == null ? List.of() : List.copyOf(sites);
        if (logins == null) logins = LoginConfig.defaults();
        if (evidence == null) evidence = EvidenceConfig.defaults();
        if (tls == null) tls = TlsConfig.none();
        if (auth == null) auth = AuthConfig.defaults();
    }

    /** With the default login throttling and evidence settings, without TLS, default token lifetime and metrics access. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, List<Path> sites, Path profilesDir,
                        StoreConfig store) {
        this(dataDir, http, mqtt, sites, profilesDir, store, null, null, null, null);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(Path.of("data"), HttpConfig.defaults(), MqttConfig.defaults(), List.of(), null,
                StoreConfig.defaults());
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(dir, http, mqtt, sites, profilesDir, store, logins, evidence, tls, auth);
    }

    public ServerConfig withHttp(HttpConfig h) {
        return new ServerConfig(dataDir, h, mqtt, sites, profilesDir, store, logins, evidence, tls, auth);
    }

    public ServerConfig withMqtt(MqttConfig m) {
        return new ServerConfig(dataDir, http, m, sites, profilesDir, store, logins, evidence, tls, auth);
    }

    public ServerConfig withSites(List<Path> s) {
        return new ServerConfig(dataDir, http, mqtt, s, profilesDir, store, logins, evidence, tls, auth);
    }

    public ServerConfig withLogins(LoginConfig l) {
        return new ServerConfig(dataDir, http, mqtt, sites, profilesDir, store, l, evidence, tls, auth);
    }

    public ServerConfig withEvidence(EvidenceConfig e) {
        return new ServerConfig(dataDir, http, mqtt, sites, profilesDir, store, logins, e, tls, auth);
    }

    public ServerConfig withTls(TlsConfig t) {
        return new ServerConfig(dataDir, http, mqtt, sites, profilesDir, store, logins, evidence, t, auth);
    }

    public ServerConfig withAuth(AuthConfig a) {
        return new ServerConfig(dataDir, http, mqtt, sites, profilesDir, store, logins, evidence, tls, a);
    }
}
