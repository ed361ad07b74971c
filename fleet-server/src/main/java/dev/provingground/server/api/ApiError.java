package dev.provingground.server.api;

import dev.provingground.server.auth.TokenCheck;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.LinkedHashMap;

/** An error answer: {@code {"error": {"code", "message", "details"}}} with its HTTP status. */
public class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiError(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** 401 naming why: no token, an unknown one, or one that expired or was revoked. */
    public static ApiError unauthorized(TokenCheck.Refusal why) {
        return new ApiError(401, "unauthorized", "send Authorization: Bearer <token>; " + why.meaning(),
                Map.of("reason", why.metricName()));
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, "invalid_input", field + ": " + message, Map.of("field", field));
    }

    public int status() {
        return status;
    }

    /** The error's code, one of a fixed set ({@code invalid_input}, {@code forbidden} …); clients branch on it. */
    public String code() {
        return code;
    }

    public JsonObject toJson() {
        JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
        if (!details.isEmpty()) error.put("details", new JsonObject(new LinkedHashMap<>(details)));
        return new JsonObject().put("error", error);
    }
}
