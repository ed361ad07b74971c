package dev.provingground.server.elevator;

/** Why the elevator manager said no; a stable code for APIs and events, beside the readable reason. */
public enum Refusal {
    KIND_NOT_ALLOWED,
    OUTSIDE_SERVICE_HOURS,
    FLOOR_NOT_SERVED,
    ALREADY_RIDING,
    NO_RIDE,
    NO_CAR_STATE,
    CAR_OUT_OF_SERVICE,
    CAR_NOT_IN_AGV_MODE,
    SESSION_NOT_HELD,
    CAR_NOT_OPEN_AT_FLOOR,
    CAR_FULL,
    PASSENGERS_ABOARD,
    PASSENGER_COUNT_UNKNOWN
}
