package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: a closed 2D envelope polygon of the robot. */
public record Envelope2d(String set, List<PolygonPoint> polygonPoints, String description) {

    public Envelope2d {
        polygonPoints = Lists.copy("Envelope2d.polygonPoints", polygonPoints);
    }
}
