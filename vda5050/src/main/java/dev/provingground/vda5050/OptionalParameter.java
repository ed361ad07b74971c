package dev.provingground.vda5050;

/** Factsheet: an optional protocol parameter the robot supports or requires, e.g. {@code order.nodes.nodePosition.allowedDeviationTheta}. */
public record OptionalParameter(String parameter, ParameterSupport support, String description) {
}
