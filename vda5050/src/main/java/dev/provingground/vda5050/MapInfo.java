package dev.provingground.vda5050;

/** A map stored on the robot (state.maps, new in 2.1.0). */
public record MapInfo(String mapId, String mapVersion, String mapDescription, MapStatus mapStatus) {
}
