package dev.provingground.server.auth;

/** OPERATOR runs the trial zone and sees everything; VENDOR sees and changes only its own firm's robots. */
public enum Role { OPERATOR, VENDOR }
