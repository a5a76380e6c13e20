package org.glassbox.workspace;

import java.time.Instant;

/** When a run started and how long its steps took (writing the results excluded). */
public record RunTiming(Instant started, double seconds) {
}
