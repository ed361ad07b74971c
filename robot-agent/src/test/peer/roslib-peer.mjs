// Independent rosbridge v2 client for the simulated ROS robot: npm roslib (the standard ROS JavaScript library)
// subscribes, publishes, calls a service and sends a NavigateToPose goal with feedback and cancel. One JSON line per
// step on stdout; exit 0 when every step passed, 1 otherwise. Usage: node roslib-peer.mjs <rosbridge url>
import * as ROSLIB from 'roslib';

const url = process.argv[2];
const say = (event) => console.log(JSON.stringify(event));
const fail = (why) => { say({ step: 'failed', why: String(why) }); process.exit(1); };
setTimeout(() => fail('timed out'), 60_000).unref();

const ros = new ROSLIB.Ros({ url });
ros.on('error', (e) => fail('connection error: ' + (e && e.message ? e.message : e)));
await new Promise((resolve) => ros.on('connection', resolve));
say({ step: 'connected' });

// subscribe: three odometry messages
await new Promise((resolve) => {
  const odom = new ROSLIB.Topic({ ros, name: '/odom', messageType: 'nav_msgs/msg/Odometry' });
  let n = 0;
  odom.subscribe((msg) => {
    if (++n === 3) {
      odom.unsubscribe();
      say({ step: 'subscribed', topic: '/odom', vx: msg.twist.twist.linear.x });
      resolve();
    }
  });
});

// publish: a message on a topic we also listen to comes back through the server
await new Promise((resolve) => {
  const chatter = new ROSLIB.Topic({ ros, name: '/chatter', messageType: 'std_msgs/msg/String' });
  chatter.subscribe((msg) => {
    if (msg.data === 'hello from roslib') {
      chatter.unsubscribe();
      say({ step: 'published', topic: '/chatter', data: msg.data });
      resolve();
    }
  });
  const timer = setInterval(() => chatter.publish({ data: 'hello from roslib' }), 100);
  timer.unref();
});

// call a service
await new Promise((resolve) => {
  const handover = new ROSLIB.Service({ ros, name: '/tray/handover', serviceType: 'std_srvs/srv/Trigger' });
  handover.callService({}, (response) => {
    say({ step: 'called', service: '/tray/handover', success: response.success, message: response.message });
    resolve();
  }, (error) => fail('service call: ' + error));
});

// a NavigateToPose goal: feedback, then cancel
await new Promise((resolve) => {
  const navigate = new ROSLIB.Action({ ros, name: '/navigate_to_pose', actionType: 'nav2_msgs/action/NavigateToPose' });
  let feedbacks = 0;
  let id;
  const goal = {
    pose: {
      header: { frame_id: 'map' },
      pose: { position: { x: 40, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    },
    behavior_tree: '',
  };
  id = navigate.sendGoal(goal,
    (result) => fail('the goal succeeded although it was canceled: ' + JSON.stringify(result)),
    (feedback) => {
      if (++feedbacks === 3) {
        say({ step: 'feedback', distance_remaining: feedback.distance_remaining });
        navigate.cancelGoal(id);
      }
    },
    (error) => {
      // roslib reports a goal that did not succeed here, with its status (5 = CANCELED).
      say({ step: 'canceled', error: String(error), feedbacks });
      resolve();
    });
});

ros.close();
say({ step: 'done' });
process.exit(0);
