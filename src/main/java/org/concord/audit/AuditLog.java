package org.concord.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.concord.audit.AuditVerification.Kind;
import org.concord.audit.AuditVerification.Problem;
import org.concord.identity.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's append-only, verifiable audit log: entries are the leaves of an RFC 9162 Merkle tree (leaf index =
 * sequence number), and the node signs checkpoints of the tree with its key, on a schedule (when the tree grew) and
 * on demand.
 *
 * <p>Changes are appended synchronously ({@link #append}); reads, which happen on every request, asynchronously
 * ({@link #appendAsync}): a bounded queue that a background writer stores in batches, one transaction each. A full
 * queue makes the caller wait rather than drop an entry. {@link #flush()} and {@link #close()} drain it.
 *
 * <p>The current root comes from the tree's frontier (one hash per set bit of the size) kept in memory and rebuilt
 * from the stored leaf hashes at start. Proofs and {@link #verify()} read the stored leaf hashes (or entries) up to
 * the tree size asked for and hash them again: O(n) reads and n - 1 node hashes for a tree of n entries (about a
 * second per million entries).
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final int MAX_BATCH = 1_000;
    private static final int VERIFY_PAGE = 5_000;

    private final AuditStore store;
    private final NodeIdentity identity;
    private final Clock clock;
    private final Object appendLock = new Object();
    /** Built on first use, so that a damaged log can still be opened and verified. */
    private MerkleTree.Frontier frontier;

    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Object progress = new Object();
    private long queued;
    private long written;
    private long lost;
    private volatile boolean closing;
    private final Thread writer;
    private final ScheduledExecutorService scheduler;

    /**
     * @param checkpointPeriod how often to sign a checkpoint when the tree grew; zero for never (on demand only)
     */
    public AuditLog(AuditStore store, NodeIdentity identity, Clock clock, Duration checkpointPeriod) {
        if (checkpointPeriod.isNegative()) {
            throw new IllegalArgumentException("the checkpoint period must not be negative, was " + checkpointPeriod);
        }
        this.store = store;
        this.identity = identity;
        this.clock = clock;
        this.writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::writeQueued);
        if (checkpointPeriod.isZero()) {
            this.scheduler = null;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("audit-checkpoints").factory());
            long millis = checkpointPeriod.toMillis();
            scheduler.scheduleAtFixedRate(this::scheduledCheckpoint, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** The tree as stored; refuses a log with missing entries or malformed hashes, which must not grow. */
    private MerkleTree.Frontier rebuildFrontier() {
        MerkleTree.Frontier rebuilt = new MerkleTree.Frontier();
        long size = store.nextSequence();
        for (long from = 0; from < size; from += VERIFY_PAGE) {
            store.leafHashes(from, Math.min(size, from + VERIFY_PAGE)).forEach(h -> rebuilt.append(parseLeafHash(h)));
        }
        if (rebuilt.size() != size) {
            throw new IllegalStateException("the audit log is damaged: " + (size - rebuilt.size()) + " of its "
                    + size + " entries are missing; run concord audit verify");
        }
        return rebuilt;
    }

    private static byte[] parseLeafHash(String hex) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex);
            if (hash.length == MerkleTree.HASH_BYTES) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException("the audit log is damaged: a stored leaf hash is '" + hex
                + "'; run concord audit verify");
    }

    private MerkleTree.Frontier frontier() {
        if (frontier == null) {
            frontier = rebuildFrontier();
        }
        return frontier;
    }

    /**
     * Runs a change that records itself ({@link #append} on this thread) as one unit with its audit entries: the
     * change and its entries are committed together, or neither is (an entry that cannot be stored undoes the
     * change, and a change that fails leaves no entry). Other appends wait meanwhile, so that entries keep their
     * places.
     */
    public <T> T recordedChange(Supplier<T> changeThatAppends) {
        synchronized (appendLock) {
            try {
                return store.inOneTransaction(changeThatAppends);
            } catch (RuntimeException | Error e) {
                frontier = null; // it counted entries that were rolled back: rebuilt from the store on next use
                throw e;
            }
        }
    }

    /** Appends one event now; returns it at its place. */
    public AuditEntry append(AuditEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events now, consecutively and in one transaction. */
    public List<AuditEntry> appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        synchronized (appendLock) {
            for (int attempt = 1; ; attempt++) {
                long first = frontier().size();
                List<AuditEntry> entries = new ArrayList<>(events.size());
                for (AuditEvent event : events) {
                    entries.add(AuditEntry.of(first + entries.size(), event));
                }
                if (store.append(entries)) {
                    HexFormat hex = HexFormat.of();
                    entries.forEach(e -> frontier.append(hex.parseHex(e.leafHash())));
                    return entries;
                }
                if (attempt == 5) {
                    throw new IllegalStateException("audit sequence number " + first + " stays taken; is another"
                            + " process appending continuously?");
                }
                frontier = rebuildFrontier(); // another process sharing the database appended
            }
        }
    }

    /**
     * Queues an event for the background writer; waits only while the queue is full.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void appendAsync(AuditEvent event) {
        if (closing) {
            throw new IllegalStateException("the audit log is closed");
        }
        synchronized (progress) {
            queued++;
        }
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            synchronized (progress) {
                queued--;
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an audit event", e);
        }
    }

    private void writeQueued() {
        List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            AuditEvent first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stored = storeRetrying(batch);
            synchronized (progress) {
                written += batch.size();
                if (!stored) {
                    lost += batch.size();
                }
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    /** Retries a failing database every second while the log is open; gives up only when closing. */
    private boolean storeRetrying(List<AuditEvent> batch) {
        while (true) {
            try {
                appendAll(batch);
                return true;
            } catch (RuntimeException e) {
                LOG.error("storing {} audit entries failed{}", batch.size(), closing ? "; giving up, closing"
                        : "; retrying in 1 s", e);
                if (closing) {
                    return false;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Waits until every event queued before this call is stored. */
    public void flush() {
        synchronized (progress) {
            long target = queued;
            while (written < target) {
                if (!writer.isAlive()) {
                    throw new IllegalStateException("the audit writer stopped with " + (target - written)
                            + " events unwritten");
                }
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while flushing the audit log", e);
                }
            }
            if (lost > 0) {
                throw new IllegalStateException(lost + " audit events could not be stored (see the log)");
            }
        }
    }

    /** The number of entries in the tree. */
    public long size() {
        synchronized (appendLock) {
            return frontier().size();
        }
    }

    /** Signs a checkpoint of the whole log now (or returns the one already signed of this size). */
    public Checkpoint checkpoint() {
        synchronized (appendLock) {
            if (store.nextSequence() != frontier().size()) {
                frontier = rebuildFrontier();
            }
            long size = frontier.size();
            Checkpoint signed = Checkpoint.sign(size, frontier.root(), clock.instant(), identity);
            if (store.storeCheckpoint(signed)) {
                return signed;
            }
            return store.checkpoint(size).orElseThrow();
        }
    }

    /** Records who asked (and how: {@code detail}), then signs a checkpoint that covers that record. */
    public Checkpoint checkpointRequestedBy(String actor, Optional<String> actorParty, String detail) {
        append(AuditEvent.of(clock.instant(), actor, actorParty, AuditAction.CHECKPOINT, "audit log", List.of(),
                detail));
        return checkpoint();
    }

    private void scheduledCheckpoint() {
        try {
            long latest = store.latestCheckpoint().map(Checkpoint::treeSize).orElse(0L);
            if (store.nextSequence() > latest) {
                Checkpoint c = checkpoint();
                LOG.info("audit checkpoint signed: {} entries, root {}", c.treeSize(), c.rootHash());
            }
        } catch (RuntimeException e) {
            LOG.error("scheduled audit checkpoint failed", e);
        }
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    public List<Checkpoint> checkpoints() {
        return store.checkpoints();
    }

    public Optional<AuditEntry> entry(long sequence) {
        return store.entry(sequence);
    }

    /** Up to {@code limit} entries after {@code after} (-1: from the start) that concern {@code party}. */
    public List<AuditEntry> entriesConcerning(String party, long after, int limit) {
        return store.entriesConcerning(party, after, limit);
    }

    public List<AuditEntry> entries(long from, int limit) {
        return store.entries(from, limit);
    }

    private List<byte[]> leafHashes(long treeSize) {
        List<byte[]> hashes = new ArrayList<>((int) treeSize);
        HexFormat hex = HexFormat.of();
        for (long from = 0; from < treeSize; from += VERIFY_PAGE) {
            store.leafHashes(from, Math.min(treeSize, from + VERIFY_PAGE)).forEach(h -> hashes.add(hex.parseHex(h)));
        }
        if (hashes.size() != treeSize) {
            throw new IllegalStateException("the audit store holds " + hashes.size() + " leaf hashes below "
                    + treeSize + "; run concord audit verify");
        }
        return hashes;
    }

    /** The proof that entry {@code index} is in the tree of the first {@code treeSize} entries. */
    public InclusionProof inclusionProof(long index, long treeSize) {
        checkTreeSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> leaves = leafHashes(treeSize);
        AuditEntry entry = store.entry(index).orElseThrow(() -> new IllegalStateException("audit entry " + index
                + " is missing; run concord audit verify"));
        return new InclusionProof(entry, treeSize, hex(MerkleTree.inclusionProof(index, leaves)),
                HexFormat.of().formatHex(MerkleTree.root(leaves)), store.checkpoint(treeSize));
    }

    /** The proof that the tree of the first {@code fromSize} entries is a prefix of that of {@code toSize}. */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        checkTreeSize(toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("from " + fromSize + " must be between 0 and to (" + toSize + ")");
        }
        List<byte[]> leaves = leafHashes(toSize);
        HexFormat hex = HexFormat.of();
        return new ConsistencyProof(fromSize, toSize, hex.formatHex(MerkleTree.root(leaves.subList(0,
                (int) fromSize))), hex.formatHex(MerkleTree.root(leaves)),
                hex(MerkleTree.consistencyProof(fromSize, leaves)), store.checkpoint(fromSize),
                store.checkpoint(toSize));
    }

    private void checkTreeSize(long treeSize) {
        long size = size();
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + size);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        HexFormat hex = HexFormat.of();
        return hashes.stream().map(hex::formatHex).toList();
    }

    /**
     * Checks the stored log from scratch, trusting nothing stored: every entry's text against its leaf hash, its
     * sequence number and its columns; the sequence for gaps; every checkpoint's signature against the node key and
     * its root against the root of the stored entries' hashes at its size.
     */
    public AuditVerification verify() {
        List<Problem> problems = new ArrayList<>();
        List<Checkpoint> checkpoints = store.checkpoints();
        for (Checkpoint c : checkpoints) {
            if (!c.keyFingerprint().equals(identity.fingerprint())) {
                problems.add(new Problem(Kind.CHECKPOINT_OTHER_KEY, 0, "checkpoint of tree size " + c.treeSize()
                        + " names key " + c.keyFingerprint() + ", not the node key " + identity.fingerprint()));
            }
            if (!c.signedBy(identity.publicKey())) {
                problems.add(new Problem(Kind.CHECKPOINT_BAD_SIGNATURE, 0, "checkpoint of tree size " + c.treeSize()
                        + " is not signed by the node key " + identity.fingerprint()));
            }
        }
        CheckpointRoots roots = new CheckpointRoots(checkpoints, problems);
        MerkleTree.Frontier tree = new MerkleTree.Frontier();
        roots.check(tree);
        long expected = 0;
        long read = 0;
        for (List<StoredEntry> page = store.storedEntries(0, VERIFY_PAGE); !page.isEmpty();
             page = store.storedEntries(expected, VERIFY_PAGE)) {
            for (StoredEntry stored : page) {
                read++;
                if (stored.sequence() != expected) {
                    problems.add(new Problem(Kind.SEQUENCE_GAP, expected, "entries " + expected + ".."
                            + (stored.sequence() - 1) + " are missing"));
                }
                checkEntry(stored, problems);
                tree.append(MerkleTree.leafHash(AuditEntry.bytes(stored.entry())));
                roots.check(tree);
                expected = stored.sequence() + 1;
            }
        }
        roots.beyond(tree);
        long largest = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
        return new AuditVerification(read, checkpoints.size(), Math.max(0, tree.size() - largest),
                AuditVerification.sorted(problems));
    }

    /** Walks the checkpoints in tree-size order as the recomputed tree grows past their sizes. */
    private static final class CheckpointRoots {
        private final Iterator<Checkpoint> pending;
        private final List<Problem> problems;
        private Checkpoint next;
        private long vouchedUpTo;

        CheckpointRoots(List<Checkpoint> byTreeSize, List<Problem> problems) {
            this.pending = byTreeSize.iterator();
            this.problems = problems;
            this.next = pending.hasNext() ? pending.next() : null;
        }

        void check(MerkleTree.Frontier tree) {
            while (next != null && next.treeSize() == tree.size()) {
                if (next.rootHash().equals(HexFormat.of().formatHex(tree.root()))) {
                    vouchedUpTo = next.treeSize();
                } else {
                    problems.add(new Problem(Kind.CHECKPOINT_ROOT_MISMATCH, vouchedUpTo, "the stored entries do not"
                            + " have the root signed in the checkpoint of tree size " + next.treeSize() + " ("
                            + next.rootHash() + "): an entry from " + vouchedUpTo + " on was changed, removed,"
                            + " moved or inserted"));
                }
                next = pending.hasNext() ? pending.next() : null;
            }
        }

        void beyond(MerkleTree.Frontier tree) {
            for (; next != null; next = pending.hasNext() ? pending.next() : null) {
                problems.add(new Problem(Kind.CHECKPOINT_BEYOND_LOG, Math.min(vouchedUpTo, tree.size()),
                        "the checkpoint of tree size " + next.treeSize() + " vouches for more entries than the "
                        + tree.size() + " stored: entries at the end were removed"));
            }
        }
    }

    private static void checkEntry(StoredEntry stored, List<Problem> problems) {
        long seq = stored.sequence();
        String computed = HexFormat.of().formatHex(MerkleTree.leafHash(AuditEntry.bytes(stored.entry())));
        if (!computed.equals(stored.leafHash())) {
            problems.add(new Problem(Kind.ENTRY_HASH_MISMATCH, seq, "entry " + seq + " hashes to " + computed
                    + ", the stored leaf hash is " + stored.leafHash()));
        }
        AuditEntry.Decoded decoded;
        try {
            decoded = AuditEntry.decode(stored.entry());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Kind.ENTRY_UNREADABLE, seq, "entry " + seq + " is not a canonical audit entry: "
                    + e.getMessage()));
            return;
        }
        if (decoded.sequence() != seq) {
            problems.add(new Problem(Kind.ENTRY_OUT_OF_PLACE, seq, "the entry stored at " + seq + " is entry "
                    + decoded.sequence()));
        }
        if (stored.columns().isEmpty()) {
            problems.add(new Problem(Kind.ENTRY_FIELDS_MISMATCH, seq, "the columns of entry " + seq
                    + " do not describe an event (blank, unknown or malformed values)"));
        } else if (!decoded.event().equals(stored.columns().get())) {
            problems.add(new Problem(Kind.ENTRY_FIELDS_MISMATCH, seq, "the columns of entry " + seq + " ("
                    + stored.columns().get() + ") differ from its text (" + decoded.event() + ")"));
        }
    }

    /** Stops the scheduler, stores every queued event, and stops the writer. */
    @Override
    public void close() {
        closing = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEvent> queuedWhileClosing = new ArrayList<>();
        queue.drainTo(queuedWhileClosing);
        appendAll(queuedWhileClosing);
        synchronized (progress) {
            if (lost > 0) {
                throw new IllegalStateException(lost + " audit events could not be stored (see the log)");
            }
        }
    }
}
