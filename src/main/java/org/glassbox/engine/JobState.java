package org.glassbox.engine;

/** Where a job is in its life. The last three are final. */
public enum JobState {
    READY, RUNNING, PAUSED, SUCCEEDED, CANCELLED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELLED || this == FAILED;
    }
}
