package dev.provingground.report.model;

import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.verify.BundleFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, gathered from one verified bundle and nothing else.
 *
 * @param facts                the bundle's log, range, period and checkpoint
 * @param bundleSha256         hex SHA-256 of the bundle file, as attached
 * @param bundleFileName       the name the bundle is attached under
 * @param kpis                 the KPIs, recomputed and found equal to kpis.json
 * @param robots               per-robot figures, by robot
 * @param robotOrder           robots in the order they first appear (the index {@link LevelTrack} cells refer to)
 * @param distancePerDay       km per UTC day, all robots
 * @param interventionsPerDay  interventions per UTC day
 * @param speeds               speed distribution of the state samples and the caps recorded
 * @param levels               where robots drove, per map id
 * @param lists                the event lists
 * @param firstEvent           the time of the earliest event in scope, or {@code null} when there is none
 * @param asOf                 the time of the latest event in the bundle (the report's date), or {@code null} when empty
 */
public record ReportModel(BundleFacts facts, String bundleSha256, String bundleFileName, KpiReport kpis,
                          List<RobotFigures> robots, List<String> robotOrder, DailySeries distancePerDay,
                          DailySeries interventionsPerDay, SpeedHistogram speeds, List<LevelTrack> levels,
                          Map<EventListKind, EventList> lists, Instant firstEvent, Instant asOf) {

    /** The firm of a firm log, or {@code null} for a site log. */
    public String firm() {
        return LogId.fromOrigin(facts.origin()).firm();
    }

    public String site() {
        return LogId.fromOrigin(facts.origin()).site();
    }
}
