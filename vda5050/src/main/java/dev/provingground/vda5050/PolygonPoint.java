package dev.provingground.vda5050;

/** Factsheet: a corner of a 2D envelope polygon (metres). */
public record PolygonPoint(double x, double y) {
}
