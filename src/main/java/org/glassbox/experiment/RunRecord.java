package org.glassbox.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a run was and what it gave, one shape for every workspace: the experiment (which
 * {@code glassbox run} replays from this file), the versions it ran with, when and how long, the
 * figures that depend on the machine's speed ({@code timings}), the results that the seed fixes
 * ({@code metrics}: a replay gives the same), and the files written.
 */
public record RunRecord(Experiment experiment, Map<String, String> versions, String startedAt, double seconds,
                        Map<String, Object> timings, Map<String, Object> metrics, List<String> files) {

    /** A record with no speed figures beyond its duration. */
    public RunRecord(Experiment experiment, Map<String, String> versions, String startedAt, double seconds,
                     Map<String, Object> metrics, List<String> files) {
        this(experiment, versions, startedAt, seconds, Map.of(), metrics, files);
    }
}
