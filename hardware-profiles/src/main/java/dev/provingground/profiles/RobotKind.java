package dev.provingground.profiles;

/** What a service robot is for; decides which vendor actions and figures its profile must carry. */
public enum RobotKind {
    DELIVERY, SERVING, DISINFECTION
}
