// The independent VDA 5050 peer of the fleet server's tests: the virtual AGV of npm vda-5050-lib (AgvController +
// VirtualAgvAdapter, protocol 2.0.0), unchanged except that it reports what happens to it.
//
//   node virtual-agv.mjs --broker mqtt://127.0.0.1:1883 --manufacturer Acme --serial agv-1
//
// stdout carries one JSON object per line and notable event, for the Java test to follow:
//   {"event":"connected"}                                  MQTT up, connection ONLINE published
//   {"event":"orderReceived","orderId":..,"version":..}    an order message arrived (before any validation)
//   {"event":"orderAccepted","orderId":..,"orderUpdateId":..}
//   {"event":"orderFinished","orderId":..,"lastNodeId":..,"nodeStates":0,"edgeStates":0}
//   {"event":"instantActionsReceived","keys":[..]}
//   {"event":"error","errorType":..,"errorDescription":..,"errorReferences":[..]}   e.g. an order the AGV rejected
//   {"event":"stopped"}
// Library diagnostics go to stderr with DEBUG=vda-5050:*.
import lib from "vda-5050-lib";

const { AgvController, VirtualAgvAdapter, Topic } = lib;

function parseArgs(argv) {
    const args = {};
    for (let i = 0; i < argv.length; i += 2) {
        const key = argv[i];
        const value = argv[i + 1];
        if (!key.startsWith("--") || value === undefined) {
            throw new Error(`expected --name value pairs, got "${argv.slice(i).join(" ")}"`);
        }
        args[key.slice(2)] = value;
    }
    for (const required of ["broker", "manufacturer", "serial"]) {
        if (!args[required]) {
            throw new Error(`missing --${required} (usage: --broker mqtt://host:port --manufacturer M --serial S)`);
        }
    }
    return args;
}

function emit(event, fields = {}) {
    process.stdout.write(JSON.stringify({ event, ...fields }) + "\n");
}

// Reports through the controller's own extension point (onStateChanged) and extra subscriptions, so the
// library's order handling itself stays untouched.
class ReportingAgvController extends AgvController {
    reportedErrors = new Set();
    acceptedOrder = undefined;
    finishedOrder = undefined;

    async onStarted() {
        await super.onStarted();
        await this.subscribe(Topic.Order, order => emit("orderReceived", {
            orderId: order?.orderId, orderUpdateId: order?.orderUpdateId, version: order?.version,
            nodes: order?.nodes?.length,
        }));
        await this.subscribe(Topic.InstantActions, actions => emit("instantActionsReceived", {
            version: actions?.version, keys: Object.keys(actions ?? {}),
        }));
        emit("connected");
    }

    onStateChanged(changes) {
        const state = this.currentState;
        if (changes.errors) {
            for (const error of state.errors) {
                const key = JSON.stringify(error);
                if (this.reportedErrors.has(key)) continue;
                this.reportedErrors.add(key);
                emit("error", error);
            }
        }
        const order = `${state.orderId}#${state.orderUpdateId}`;
        if (state.orderId && order !== this.acceptedOrder) {
            this.acceptedOrder = order;
            emit("orderAccepted", { orderId: state.orderId, orderUpdateId: state.orderUpdateId });
        }
        if (state.orderId && order !== this.finishedOrder && !this.hasActiveOrder) {
            this.finishedOrder = order;
            emit("orderFinished", {
                orderId: state.orderId, orderUpdateId: state.orderUpdateId, lastNodeId: state.lastNodeId,
                lastNodeSequenceId: state.lastNodeSequenceId, nodeStates: state.nodeStates.length,
                edgeStates: state.edgeStates.length,
            });
        }
    }
}

let args;
try {
    args = parseArgs(process.argv.slice(2));
} catch (e) {
    process.stderr.write(`virtual-agv: ${e.message}\n`);
    process.exit(2);
}

const agv = new ReportingAgvController(
    { manufacturer: args.manufacturer, serialNumber: args.serial },
    { interfaceName: "uagv", transport: { brokerUrl: args.broker }, vdaVersion: "2.0.0" },
    { agvAdapterType: VirtualAgvAdapter },
    {});

let stopping = false;
async function stop(code) {
    if (stopping) return;
    stopping = true;
    try {
        await agv.stop();
        emit("stopped");
    } catch (e) {
        process.stderr.write(`virtual-agv: stop failed: ${e}\n`);
    }
    process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

try {
    await agv.start();
} catch (e) {
    process.stderr.write(`virtual-agv: cannot start against ${args.broker}: ${e}\n`);
    process.exit(1);
}
