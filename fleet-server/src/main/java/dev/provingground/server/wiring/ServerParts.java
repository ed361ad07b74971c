package dev.provingground.server.wiring;

import dev.provingground.server.api.ApiServer;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.evidence.BackfillSampler;
import dev.provingground.server.evidence.StateSampler;
import dev.provingground.server.lanes.RobotLanes;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.trackrecord.TrackRecordStore;

/** The parts of a server as {@link Wiring} built them: the ones its embedders reach and the ones that start and stop. */
record ServerParts(MapDbStore store, TrackRecordStore trackRecord, AccessControl access, RobotRegistry registry,
                   RejectionLog rejections, RobotLanes lanes, RobotTransport link, EventHub events, ZoneService zones,
                   StateSampler sampler, BackfillSampler backfill, ElevatorService elevators, TaskService tasks, ApiServer api) {
}
