package org.glassbox.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.glassbox.engine.Job;

/**
 * The app's one list of which workspace runs what. Each page's job presenter is on it under the
 * workspace's title, so that a job left running in another workspace stays visible (the status
 * bar, the workspace list) and a second one does not start beside it: on two cores two jobs
 * would halve each other's speed and a live view would no longer show the attack's own rate.
 */
public final class JobBoard {

    /** A workspace's presenter, under the workspace's title. */
    public record Entry(String title, JobPresenter presenter) {

        public Job<?> job() {
            return presenter.currentJob().get();
        }

        public boolean busy() {
            return presenter.isBusy();
        }

        /** "Gradient inversion: Invert image 0, running, 35 %". */
        public String describe() {
            Job<?> j = job();
            return String.format(Locale.ROOT, "%s: %s, %s, %.0f %%", title, j.name(), j.state().name().toLowerCase(Locale.ROOT),
                    100 * j.progress());
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** The waits a class can choose after each iteration of a job, from full speed to one a second. */
    public static final long[] PACES = {0, 50, 150, 400, 1000};
    private long paceMillis;

    /** The wait after each iteration, for every job: those running now and those started later. */
    public long paceMillis() {
        return paceMillis;
    }

    /** One step slower (+1) or faster (−1) along {@link #PACES}; returns the new pace. */
    public long changePace(int direction) {
        int i = 0;
        while (i < PACES.length - 1 && PACES[i] < paceMillis) {
            i++;
        }
        paceMillis = PACES[Math.max(0, Math.min(PACES.length - 1, i + direction))];
        for (Entry e : entries) {
            if (e.job() != null) {
                e.job().setPaceMillis(paceMillis);
            }
        }
        return paceMillis;
    }

    public void register(String title, JobPresenter presenter) {
        entries.add(new Entry(title, presenter));
    }

    /** Takes a page's presenter off the board (its page was replaced). */
    public void unregister(JobPresenter presenter) {
        entries.removeIf(e -> e.presenter() == presenter);
    }

    /** The workspace, other than the one of {@code self}, whose job is started and not yet finished. */
    public Optional<Entry> busyOtherThan(JobPresenter self) {
        return entries.stream().filter(e -> e.presenter() != self && e.busy()).findFirst();
    }

    /** Whether the workspace with this title has a job started and not yet finished. */
    public boolean isBusy(String title) {
        return entries.stream().anyMatch(e -> e.title().equals(title) && e.busy());
    }
}
