package dev.provingground.server.auth;

/**
 * Who is calling: from a bearer token.
 *
 * @param firm the vendor's firm; null for an operator
 */
public record Principal(String tokenId, Role role, String firm) {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Operators may act for any firm; a vendor only for its own. */
    public boolean mayActFor(String firmId) {
        return isOperator() || (firm != null && firm.equals(firmId));
    }

    /** What to write as the actor of a configuration change. */
    public String actor() {
        return isOperator() ? "operator:" + tokenId : "vendor:" + firm + ":" + tokenId;
    }
}
