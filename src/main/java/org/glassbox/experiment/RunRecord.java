package org.glassbox.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a run was and what it gave: the experiment, the versions it ran with, when and how long,
 * its final metrics and the files written. Exports and reports are made from this.
 */
public record RunRecord(Experiment experiment, Map<String, String> versions, String startedAt, double seconds,
                        Map<String, Object> metrics, List<String> files) {
}
