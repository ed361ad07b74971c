package dev.provingground.trackrecord.kpi;

/** What rates are per: the distance driven and the operating time of the scope. */
public record Exposure(double km, double hours) {
}
