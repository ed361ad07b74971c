package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A task asked for in Open-RMF's vocabulary, as it came over the API: not yet checked against the site.
 *
 * @param firm  the vendor's own firm when a vendor asks, whose robots alone may do it; null for an operator
 * @param firms registered firms the requester chose, whose robots alone may do it; empty for any firm
 */
public record TaskSubmission(String site, String category, JsonNode description, Long earliestStartMillis,
                             Integer priority, List<String> labels, String requester, String firm, List<String> firms) {
}
