package dev.provingground.vda5050;

/** Factsheet: longest strings the robot accepts; null or 0 means no limit. */
public record MaxStringLens(Long msgLen, Long topicSerialLen, Long topicElemLen, Long idLen,
                            Boolean idNumericalOnly, Long enumLen, Long loadIdLen) {
}
