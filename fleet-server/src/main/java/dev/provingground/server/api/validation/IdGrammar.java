package dev.provingground.server.api.validation;

/**
 * The server's name for the one id grammar, {@link dev.provingground.documents.IdGrammar}: 1 to 64 characters,
 * letters, digits, '.', '_' and '-', starting with a letter or digit; the same the published document schemas use.
 */
public final class IdGrammar {

    public static final String REGEX = dev.provingground.documents.IdGrammar.REGEX;
    public static final int MAX_LENGTH = dev.provingground.documents.IdGrammar.MAX_LENGTH;

    private IdGrammar() {
    }

    public static boolean matches(String id) {
        return dev.provingground.documents.IdGrammar.matches(id);
    }

    /** Why {@code id} is not an id, or null when it is one. */
    public static String problem(String id) {
        return dev.provingground.documents.IdGrammar.problem(id);
    }
}
