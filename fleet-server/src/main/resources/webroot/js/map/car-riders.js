// Robots riding an elevator: which car holds which robot, and where that car is, from the elevators API (the cars'
// controllers report who is aboard). While a robot rides, its own reports still name the level it boarded on,
// so the map draws it at its car's door on the car's floor instead (floors are level ids; docs/ELEVATORS.md).
import { api, seg } from '../api.js';
import { state, waypointIndex } from '../store.js';

const REFRESH_MS = 2000;

export class CarRiders {
  /** onChange() is called whenever who rides where changes. */
  constructor({ onChange }) {
    this.onChange = onChange;
    this.aboard = new Map(); // robot id → { car, level, x, y }
    this.riders = new Map(); // robot id → the API's robot JSON of riders the level's feed does not carry
    this.timer = null;
  }

  start() {
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.refresh();
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Where `robotId` rides, or undefined when it is in no car. */
  carOf(robotId) {
    return this.aboard.get(robotId);
  }

  /** Riders known only from here: robots aboard a car that the shown level's feed does not send. */
  extraRobots() {
    return [...this.riders.values()];
  }

  async refresh() {
    const site = state.site?.id;
    if (!site) return;
    let elevators;
    try {
      ({ elevators } = await api(`/api/v1/sites/${seg(site)}/elevators`));
    } catch (e) {
      return; // keeps what it knew; the next refresh tries again
    }
    const doors = waypointIndex();
    const aboard = new Map();
    for (const elevator of elevators)
      for (const car of elevator.cars) {
        const floor = car.state?.floor;
        const door = doors.get(car.doorWaypoints?.[floor]);
        if (!door) continue; // no state yet, or a floor without a door: nowhere to draw it
        for (const robotId of car.state.robots || []) aboard.set(robotId, { car: car.id, level: floor, x: door.x, y: door.y });
      }
    // A rider the level feed does not carry (its reports name another level) is fetched once per refresh; a robot
    // of another firm is refused to a vendor and simply not drawn.
    const riders = new Map();
    await Promise.all([...aboard.keys()].filter((id) => !state.robots.has(id)).map(async (id) => {
      try {
        riders.set(id, await api(`/api/v1/robots/${seg(id)}`));
      } catch (e) {
        // not visible to this token, or gone
      }
    }));
    if (!this.timer) return; // the map was left while the answers were on their way
    const changed = JSON.stringify([...aboard]) !== JSON.stringify([...this.aboard])
      || riders.size !== this.riders.size || [...riders.keys()].some((id) => !this.riders.has(id));
    this.aboard = aboard;
    this.riders = riders;
    if (changed || riders.size) this.onChange();
  }
}
