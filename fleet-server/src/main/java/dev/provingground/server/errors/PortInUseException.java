package dev.provingground.server.errors;

import java.net.BindException;

/**
 * A port the server must listen on is taken. The message is the whole story for the user: which port, for what, and
 * how to choose another; the launcher prints it as one line and exits non-zero.
 */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(String what, String host, int port, String howToChange) {
        super(what + " port " + port + " on " + host + " is already in use; choose another with " + howToChange);
    }

    /** Whether a listen failure means the address is taken (as opposed to, say, a port the user may not bind). */
    public static boolean isAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) return true;
        }
        return false;
    }
}
