package dev.provingground.vda5050;

/** Data type of an action parameter value (factsheet). */
public enum ValueDataType {
    BOOL, NUMBER, INTEGER, FLOAT, STRING, OBJECT, ARRAY
}
