package dev.provingground.server.config;

/** A configuration that cannot be used; the message names the source and the setting. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
