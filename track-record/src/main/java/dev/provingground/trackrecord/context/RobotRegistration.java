package dev.provingground.trackrecord.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the server records about a robot when it is registered: the details of its {@code config.change} event
 * (target ROBOT, action CREATE). The server writes them with {@link #toDetails()} and bundles read them back with
 * {@link #fromDetails}, so the field names have one source.
 *
 * @param manufacturer       VDA 5050 manufacturer
 * @param serialNumber       VDA 5050 serial number
 * @param profile            the hardware profile (model) id
 * @param modelName          the profile's human name
 * @param kind               DELIVERY, SERVING or DISINFECTION
 * @param environment        INDOOR or OUTDOOR
 * @param massWithPayloadKg  empty mass plus maximum payload, kg
 * @param speedClass         the outdoor speed class by mass (e.g. {@code UP_TO_100_KG}); {@code null} indoors
 * @param speedClassLimitKmh the class's outdoor cap, km/h; {@code null} indoors
 * @param speedCapMps        the speed the server enforces for the model, m/s
 * @param uvc                whether the robot carries a UV-C lamp
 */
public record RobotRegistration(String manufacturer, String serialNumber, String profile, String modelName, String kind,
                                String environment, double massWithPayloadKg, String speedClass,
                                Double speedClassLimitKmh, double speedCapMps, boolean uvc) {

    /** {@code details.change} of a registration event. */
    public static final String CHANGE = "REGISTERED";
    /** {@code details.change} of a credential rotation (target CREDENTIAL, targetId the robot). */
    public static final String CREDENTIALS_ROTATED = "ROBOT_CREDENTIALS_ROTATED";

    public ObjectNode toDetails() {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("change", CHANGE)
                .put("manufacturer", manufacturer).put("serialNumber", serialNumber).put("profile", profile)
                .put("modelName", modelName).put("kind", kind).put("environment", environment)
                .put("massWithPayloadKg", massWithPayloadKg).put("speedCapMps", speedCapMps).put("uvc", uvc);
        if (speedClass != null) details.put("speedClass", speedClass);
        if (speedClassLimitKmh != null) details.put("speedClassLimitKmh", speedClassLimitKmh);
        return details;
    }

    /** Whether a ROBOT config.change's details are a registration. */
    public static boolean isRegistration(JsonNode details) {
        return details != null && CHANGE.equals(details.path("change").asText(null));
    }

    /**
     * Reads the details of a registration event.
     *
     * @throws IllegalArgumentException naming the field that is missing
     */
    public static RobotRegistration fromDetails(JsonNode details) {
        return new RobotRegistration(text(details, "manufacturer"), text(details, "serialNumber"),
                text(details, "profile"), text(details, "modelName"), text(details, "kind"),
                text(details, "environment"), number(details, "massWithPayloadKg"),
                details.hasNonNull("speedClass") ? details.get("speedClass").asText() : null,
                details.hasNonNull("speedClassLimitKmh") ? number(details, "speedClassLimitKmh") : null,
                number(details, "speedCapMps"), details.path("uvc").asBoolean(false));
    }

    private static String text(JsonNode details, String field) {
        JsonNode value = details.path(field);
        if (!value.isTextual()) throw new IllegalArgumentException("registration details." + field + " is missing");
        return value.asText();
    }

    private static double number(JsonNode details, String field) {
        JsonNode value = details.path(field);
        if (!value.isNumber()) throw new IllegalArgumentException("registration details." + field + " is not a number");
        return value.asDouble();
    }
}
