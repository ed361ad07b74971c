package dev.provingground.trackrecord.export;

import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.kpi.KpiReport;

/**
 * What an export wrote.
 *
 * @param log      the exported log
 * @param treeSize size of the signed checkpoint in the bundle
 * @param start    first exported leaf
 * @param end      one past the last exported leaf
 * @param kpis     the KPIs written to kpis.json
 */
public record ExportResult(LogId log, long treeSize, long start, long end, KpiReport kpis) {

    public long events() {
        return end - start;
    }
}
