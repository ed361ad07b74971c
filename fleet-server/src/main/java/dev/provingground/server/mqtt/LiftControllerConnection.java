package dev.provingground.server.mqtt;

import dev.provingground.server.elevator.LiftCredential;
import dev.provingground.site.lift.LiftTopic;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttWill;

/**
 * One elevator car controller's live connection to the embedded endpoint. Its ACL is its car's two topics: it
 * publishes (and leaves as its will) only {@code lifts/{site}/{car}/state} and subscribes only
 * {@code lifts/{site}/{car}/request}, with no wildcards, so a controller can neither hear nor speak for another car.
 */
final class LiftControllerConnection extends ClientConnection {

    final LiftCredential login;
    final LiftTopic stateTopic;
    private final String requestTopic;

    LiftControllerConnection(LiftCredential login, MqttEndpoint endpoint) {
        super(endpoint);
        this.login = login;
        this.stateTopic = LiftTopic.state(login.site(), login.car());
        this.requestTopic = LiftTopic.request(login.site(), login.car()).toString();
    }

    @Override
    String who() {
        return login.username();
    }

    @Override
    boolean maySubscribe(String filter) {
        return filter.equals(requestTopic);
    }

    boolean mayPublish(String topic) {
        return topic.equals(stateTopic.toString());
    }

    /** No will at all is allowed too: then nothing is said for the car when its link drops. */
    static boolean willAllowed(MqttWill will, LiftTopic ownState) {
        return will == null || !will.isWillFlag() || ownState.toString().equals(will.getWillTopic());
    }

    boolean receivesRequests() {
        return hasSubscribed(requestTopic);
    }

    String requestTopic() {
        return requestTopic;
    }
}
