package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftRequest;
import io.vertx.core.Future;

/** The way lift requests reach elevator controllers: the embedded MQTT endpoint or an external broker. */
@FunctionalInterface
public interface LiftLink {

    /** Until a link is attached, requests go nowhere: no controller could have reported a car either. */
    LiftLink NONE = (site, request) -> Future.succeededFuture();

    /** Publishes the request on {@code lifts/{site}/{lift_name}/request}. */
    Future<Void> send(String site, LiftRequest request);
}
