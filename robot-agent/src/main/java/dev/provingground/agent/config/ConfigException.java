package dev.provingground.agent.config;

/** The agent's configuration file is unreadable or wrong; the message names the setting. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
