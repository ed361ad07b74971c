/**
 * Fastest routes across the levels of a site: lanes, passages and elevator rides, priced in seconds for one robot
 * class under the zones in force at a planned time. Start at {@link dev.provingground.site.routing.SiteRouting}
 * (one per site and zone snapshot) and ask it for a {@link dev.provingground.site.routing.SiteRouter} per robot
 * class; {@link dev.provingground.site.routing.SiteRouter#isCurrentFor} says when a router must be rebuilt.
 */
package dev.provingground.site.routing;
