/**
 * VDA 5050 for Proving Ground: typed 2.1.0 messages (records flat like their JSON, header fields first),
 * MQTT topic addresses, per-topic header counters and {@link dev.provingground.vda5050.Vda5050Codec}, which
 * encodes strictly (validated against the bundled 2.1.0 schemas) and decodes leniently (2.0.0 and 2.1.0,
 * explicit required-field checks, no schema validation on the hot path; state and visualization, sent many times a
 * second, are read by a streaming parser straight into the records, and whatever that fast path is not sure of is
 * read again by the tree decoder, so both answer alike). Shared by the fleet server, the simulated robots and the
 * ROS agent.
 */
package dev.provingground.vda5050;
