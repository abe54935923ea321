package org.concord.reentry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.concord.label.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs that predict the re-entry of every object whose latest orbit has a perigee under an altitude, one
 * object after the other on one thread (a second job waits for the first), with progress: how many objects of how many
 * are done, the predictions stored, and the objects that failed with why; the nodes of the states concerned by its
 * predictions are told to pull once, when it ends. A job belongs to the party that started it and carries a label
 * (private to that party and the node's); only that party reads it. Jobs are kept in memory, the newest
 * {@value #KEPT} (a finished one is dropped first): a restart forgets them, not the predictions they stored.
 */
public final class ReentryJobs implements AutoCloseable {

    /** How many jobs are kept. */
    public static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReentryJobs.class);

    /** An object the job could not predict, and why. */
    public record ObjectError(long noradId, String reason) {
    }

    /**
     * What a job has done so far.
     *
     * @param party              the party that started it, the only one that reads it
     * @param perigeeBelowMeters the altitude the objects' perigees are under
     * @param total              the objects to predict
     * @param done               the objects predicted or failed so far
     * @param stored             the predictions stored so far
     * @param errors             the objects that failed, in the order they were tried
     * @param finished           whether every object is done
     */
    public record Job(long id, String party, Label label, double perigeeBelowMeters, Instant started, int total,
                      int done, int stored, List<ObjectError> errors, boolean finished, Optional<Instant> finishedAt) {

        public Job {
            errors = List.copyOf(errors);
        }
    }

    private final ReentryService reentries;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reentry-jobs");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    public ReentryJobs(ReentryService reentries, Clock clock) {
        this.reentries = reentries;
        this.clock = clock;
    }

    /** Starts predicting every object under this perigee altitude; the job as it starts (its total known). */
    public Job start(double perigeeBelowMeters, String party, Label label) {
        List<Long> objects = reentries.objectsBelow(perigeeBelowMeters);
        Job job = new Job(ids.incrementAndGet(), party, label, perigeeBelowMeters, clock.instant(), objects.size(), 0,
                0, List.of(), objects.isEmpty(), objects.isEmpty() ? Optional.of(clock.instant()) : Optional.empty());
        put(job);
        if (!objects.isEmpty()) {
            executor.execute(() -> run(job.id(), objects));
        }
        return job;
    }

    /** The job, when it exists and belongs to {@code party}. */
    public synchronized Optional<Job> find(long id, String party) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.party().equals(party));
    }

    private void run(long id, List<Long> objects) {
        ReentryService.Batch batch = reentries.batch();
        try {
            predict(id, objects, batch);
        } finally {
            // the partners concerned by any of the job's predictions are told once, now (docs/reentry.md)
            batch.finish();
        }
    }

    private void predict(long id, List<Long> objects, ReentryService.Batch batch) {
        int stored = 0;
        List<ObjectError> errors = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            long noradId = objects.get(i);
            try {
                if (batch.predict(noradId).isPresent()) {
                    stored++;
                } else {
                    errors.add(new ObjectError(noradId, "no readable mean-element record of the object"));
                }
            } catch (RuntimeException e) {
                LOG.warn("re-entry job {}: object {} failed", id, noradId, e);
                errors.add(new ObjectError(noradId, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
            boolean last = i == objects.size() - 1;
            update(id, i + 1, stored, errors, last);
        }
    }

    private synchronized void update(long id, int done, int stored, List<ObjectError> errors, boolean finished) {
        Job job = jobs.get(id);
        if (job != null) {
            jobs.put(id, new Job(id, job.party(), job.label(), job.perigeeBelowMeters(), job.started(), job.total(),
                    done, stored, errors, finished, finished ? Optional.of(clock.instant()) : Optional.empty()));
        }
    }

    private synchronized void put(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            Long drop = jobs.values().stream().filter(Job::finished).map(Job::id).findFirst()
                    .orElse(jobs.keySet().iterator().next());
            jobs.remove(drop);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
