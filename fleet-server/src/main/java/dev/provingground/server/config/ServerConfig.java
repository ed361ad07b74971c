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
 * @param evidence      how robots' reports are judged before they go on the record
 */
public record ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, List<Path> sites, Path profilesDir,
                           StoreConfig store, EvidenceConfig evidence) {

    public ServerConfig {
        if (dataDir == null) throw new IllegalArgumentException("dataDir: required");
        if (http == null) throw new IllegalArgumentException("http: required");
        if (mqtt == null) throw new IllegalArgumentException("mqtt: required");
        if (store == null) throw new IllegalArgumentException("store: required");
        if (evidence == null) throw new IllegalArgumentException("evidence: required");
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /** With the default evidence settings. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, List<Path> sites, Path profilesDir,
                        StoreConfig store) {
        this(dataDir, http, mqtt, sites, profilesDir, store, EvidenceConfig.defaults());
    }

    public static ServerConfig defaults() {
        return new ServerConfig(Path.of("data"), HttpConfig.defaults(), MqttConfig.defaults(), List.of(), null,
                StoreConfig.defaults(), EvidenceConfig.defaults());
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(dir, http, mqtt, sites, profilesDir, store, evidence);
    }

    public ServerConfig withHttp(HttpConfig h) {
        return new ServerConfig(dataDir, h, mqtt, sites, profilesDir, store, evidence);
    }

    public ServerConfig withMqtt(MqttConfig m) {
        return new ServerConfig(dataDir, http, m, sites, profilesDir, store, evidence);
    }

    public ServerConfig withSites(List<Path> s) {
        return new ServerConfig(dataDir, http, mqtt, s, profilesDir, store, evidence);
    }
}
