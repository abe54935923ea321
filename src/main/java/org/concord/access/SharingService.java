package org.concord.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.concord.digest.Sha256;
import org.concord.input.Texts;
import org.concord.label.DataKind;
import org.concord.label.DataKinds;
import org.concord.label.Label;
import org.concord.label.LabelFilter;

/**
 * Parties, users, tokens and agreements, and the decisions made from them: who a token belongs to, and what a
 * caller may see. Every decision is made on a view that is current: each request first reads the store's sharing
 * version (one small query) and reloads the view when another process or thread changed anything.
 */
public final class SharingService {

    /** The prefix of every token this node issues, so that a leaked token is recognisable in a scan. */
    public static final String TOKEN_PREFIX = "concord_";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(3650);
    public static final int MAX_TOKEN_DESCRIPTION_CHARACTERS = 256;

    /** What was changed, by whom: every change of parties, users, tokens and agreements is reported here. */
    public enum Change {
        PARTY, USER, TOKEN, AGREEMENT
    }

    /** Where changes are recorded (the node's audit log), synchronously, before the change is answered. */
    public interface ChangeLog {
        void record(Principal by, Change change, String subject, Set<String> partiesConcerned, String detail);

        /** Runs a change that {@link #record}s itself as one unit with its record: both kept, or neither. */
        <T> T recordedChange(java.util.function.Supplier<T> change);
    }

    private final SharingStore store;
    private final String nodeParty;
    private final DataKinds kinds;
    private final Clock clock;
    private final ChangeLog changes;
    private final SecureRandom random = new SecureRandom();
    private volatile View view;

    /** Everything the decisions need, as of one sharing version. */
    private record View(long version, Map<String, Party> parties, Map<String, User> users,
                        Map<String, SharingStore.StoredToken> tokensByHash, AccessPolicy policy,
                        Map<Long, Label> labels, long knownUpTo, java.util.NavigableSet<Instant> decisionTimes,
                        Map<Principal, TimedFilter> filters) {
    }

    /** A caller's filter, the same for every instant from {@code madeAt} up to (excluding) {@code until}. */
    private record TimedFilter(LabelFilter filter, Instant madeAt, Instant until) {
    }

    /** Callers whose filters a view keeps at most (cleared when full). */
    private static final int MAX_FILTERS = 10_000;

    /**
     * The instants at which a decision can change with nothing stored: labels expiring, agreements starting, ending or
     * revoked.
     */
    private static java.util.NavigableSet<Instant> decisionTimes(Map<Long, Label> labels, List<Agreement> agreements) {
        java.util.NavigableSet<Instant> times = new TreeSet<>();
        labels.values().forEach(l -> l.expiry().ifPresent(times::add));
        for (Agreement a : agreements) {
            times.add(a.validFrom());
            a.validTo().ifPresent(times::add);
            a.revokedAt().ifPresent(times::add);
        }
        return java.util.Collections.unmodifiableNavigableSet(times);
    }

    /** The sharing of a node whose party is {@code nodeParty}, holding data of these kinds. */
    public SharingService(SharingStore store, String nodeParty, DataKinds kinds, Clock clock, ChangeLog changes) {
        this.store = store;
        this.nodeParty = nodeParty;
        this.kinds = kinds;
        this.clock = clock;
        this.changes = changes;
    }

    public String nodeParty() {
        return nodeParty;
    }

    /** The kinds of data this node holds: the only ones an agreement may grant. */
    public DataKinds kinds() {
        return kinds;
    }

    /**
     * How long a view is trusted without reading the store's version: a change made through this service counts from
     * the next request; one made by another process (the command line beside a running server), within this time.
     */
    static final long RECHECK_NANOS = 250_000_000L;

    private volatile long checkedAtNanos;
    private volatile long changesSeen = -1;

    private void recorded(Runnable change) {
        changes.recordedChange(() -> {
            change.run();
            return null;
        });
    }

    private void changed(Principal by, Change change, String subject, Set<String> parties, String detail) {
        view = null;
        changes.record(by, change, subject, parties, detail);
    }

    private View view() {
        View current = view;
        long now = System.nanoTime();
        long changes = store.changesHere();
        if (current != null && changes == changesSeen && now - checkedAtNanos < RECHECK_NANOS) {
            return current;
        }
        long version = store.version();
        if (current != null && current.version() == version) {
            checkedAtNanos = now;
            changesSeen = changes;
            return current;
        }
        synchronized (this) {
            if (view != null && view.version() == version) {
                return view;
            }
            List<Agreement> agreements = store.agreements();
            Map<Long, Label> labels = store.labels();
            View fresh = new View(version,
                    store.parties().stream().collect(Collectors.toMap(Party::code, Function.identity())),
                    store.users().stream().collect(Collectors.toMap(User::name, Function.identity())),
                    store.tokens().stream().collect(Collectors.toMap(SharingStore.StoredToken::sha256,
                            Function.identity())),
                    new AccessPolicy(nodeParty, store.groupMembers(), agreements, kinds), labels,
                    labels.keySet().stream().mapToLong(Long::longValue).max().orElse(0),
                    decisionTimes(labels, agreements), new java.util.concurrent.ConcurrentHashMap<>());
            view = fresh;
            checkedAtNanos = now;
            changesSeen = changes;
            return fresh;
        }
    }

    // ---- decisions

    /**
     * The principal a bearer token stands for, if it is one this node issued to an enabled user and it is neither
     * expired nor revoked. Tokens are looked up by their SHA-256, and the stored hash compared in constant time.
     */
    public Optional<Principal> authenticate(String token) {
        String hash = Sha256.hex(token);
        View v = view();
        SharingStore.StoredToken stored = v.tokensByHash().get(hash);
        if (stored == null || !MessageDigest.isEqual(stored.sha256().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII)) || !stored.token().isValidAt(clock.instant())) {
            return Optional.empty();
        }
        User user = v.users().get(stored.token().userName());
        if (user == null || user.disabled()) {
            return Optional.empty();
        }
        return Optional.of(Principal.of(user));
    }

    /**
     * Whether this node's own party may hold data under this label now (unexpired, and the party in its
     * releasability, through groups as they are now): what a partner node may send it.
     */
    public boolean nodeMayHold(Label label, DataKind kind) {
        Principal node = new Principal("node " + nodeParty, Optional.of(nodeParty), Optional.of(Role.VIEWER), false);
        return view().policy().mayRead(node, label, kind, clock.instant());
    }

    /** What this caller may see now, as a row filter for the stores. */
    public LabelFilter filterFor(Principal principal) {
        View v = view();
        Instant now = clock.instant();
        TimedFilter kept = v.filters().get(principal);
        if (kept != null && !now.isBefore(kept.madeAt()) && now.isBefore(kept.until())) {
            return kept.filter();
        }
        LabelFilter filter = v.policy().filter(principal, v.labels(), v.knownUpTo(), now);
        // the same decisions hold until the next instant at which one can change (the first at or after now)
        Instant until = Optional.ofNullable(v.decisionTimes().ceiling(now)).orElse(Instant.MAX);
        if (until.isAfter(now)) {
            if (v.filters().size() >= MAX_FILTERS) {
                v.filters().clear();
            }
            v.filters().put(principal, new TimedFilter(filter, now, until));
        }
        return filter;
    }

    // ---- parties

    public List<Party> parties() {
        return store.parties();
    }

    public Map<String, Set<String>> groupMembers() {
        return store.groupMembers();
    }

    /**
     * Registers this node's own party ({@code node.party}) when it is not registered yet, so that its users, tokens
     * and agreements can be made from the first start: a nation named after its ISO 3166-1 alpha-3 code (GBR is
     * "United Kingdom"), else an operator named "this node (CODE)". Audited as any party change; empty when the party
     * was registered already.
     */
    public Optional<Party> registerNodeParty() {
        if (view().parties().containsKey(nodeParty)) {
            return Optional.empty();
        }
        Optional<String> country = java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .map(alpha2 -> java.util.Locale.of("", alpha2))
                .filter(l -> l.getISO3Country().equals(nodeParty)).findFirst()
                .map(l -> l.getDisplayCountry(java.util.Locale.ENGLISH));
        Principal start = new Principal("concord:node-start", Optional.empty(), Optional.of(Role.ADMIN), true);
        try {
            return Optional.of(addParty(nodeParty, country.orElse("this node (" + nodeParty + ")"),
                    country.isPresent() ? PartyKind.NATION : PartyKind.OPERATOR, start));
        } catch (RuntimeException e) {
            view = null;
            if (view().parties().containsKey(nodeParty)) {
                return Optional.empty(); // another process of this node registered it meanwhile
            }
            throw e;
        }
    }

    public Party addParty(String code, String name, PartyKind kind, Principal by) {
        return changes.recordedChange(() -> {
            Party party = new Party(code, name, kind, clock.instant(), 0);
            if (view().parties().containsKey(code)) {
                throw new IllegalArgumentException("party " + code + " exists already");
            }
            store.addParty(party);
            changed(by, Change.PARTY, "party " + code, Set.of(code), "added " + kind.name().toLowerCase(Locale.ROOT)
                    + " '" + name + "'");
            return party;
        });
    }

    /** A party's new source priority, its previous one, and how many objects got another latest orbit. */
    public record PriorityChange(Party party, int previousPriority, int latestOrbitsChanged) {
    }

    /**
     * Sets the source priority of a registered party: at equal epoch, an object's record from a higher-priority
     * originator is its latest. The objects it concerns are re-ranked in the same transaction.
     */
    public PriorityChange setSourcePriority(String code, int priority, Principal by) {
        return changes.recordedChange(() -> {
            Party old = requireParty(view().parties(), code);
            int changed = store.setSourcePriority(code, priority);
            changed(by, Change.PARTY, "party " + code, Set.of(code), "source priority " + old.sourcePriority() + " -> "
                    + priority + "; latest orbit of " + changed + (changed == 1 ? " object" : " objects") + " changed");
            return new PriorityChange(new Party(old.code(), old.name(), old.kind(), old.createdAt(), priority),
                    old.sourcePriority(), changed);
        });
    }

    public void addMember(String group, String member, Principal by) {
        recorded(() -> {
            Map<String, Party> parties = view().parties();
            Party g = requireParty(parties, group);
            requireParty(parties, member);
            if (g.kind() != PartyKind.GROUP) {
                throw new IllegalArgumentException("party " + group + " is a " + g.kind().name().toLowerCase(Locale.ROOT)
                        + ", not a group");
            }
            if (group.equals(member)) {
                throw new IllegalArgumentException("a group cannot be a member of itself");
            }
            if (store.groupMembers().getOrDefault(group, Set.of()).contains(member)) {
                throw new IllegalArgumentException(member + " is a member of " + group + " already");
            }
            store.addMember(group, member);
            changed(by, Change.PARTY, "party " + group, Set.of(group, member), member + " joined " + group);
        });
    }

    public void removeMember(String group, String member, Principal by) {
        recorded(() -> {
            if (!store.groupMembers().getOrDefault(group, Set.of()).contains(member)) {
                throw new NotFoundException(member + " is not a member of " + group);
            }
            store.removeMember(group, member);
            changed(by, Change.PARTY, "party " + group, Set.of(group, member), member + " left " + group);
        });
    }

    private static Party requireParty(Map<String, Party> parties, String code) {
        Party party = parties.get(code);
        if (party == null) {
            throw new IllegalArgumentException("no party " + code + " (add it first: concord party add " + code
                    + " --name ... --kind ...)");
        }
        return party;
    }

    // ---- users and tokens

    public List<User> users() {
        return store.users();
    }

    public User addUser(String name, String party, Role role, Principal by) {
        return changes.recordedChange(() -> {
            View v = view();
            Party p = requireParty(v.parties(), party);
            if (p.kind() == PartyKind.GROUP) {
                throw new IllegalArgumentException("a user belongs to a nation, agency or operator, not to the group "
                        + party);
            }
            if (v.users().containsKey(name)) {
                throw new IllegalArgumentException("user " + name + " exists already");
            }
            User user = new User(name, party, role, clock.instant(), false);
            store.addUser(user);
            changed(by, Change.USER, "user " + name, Set.of(party), "added as " + role.name().toLowerCase(Locale.ROOT));
            return user;
        });
    }

    public void setUserDisabled(String name, boolean disabled, Principal by) {
        recorded(() -> {
            User user = view().users().get(name);
            if (user == null) {
                throw new NotFoundException("no user " + name);
            }
            store.setUserDisabled(name, disabled);
            changed(by, Change.USER, "user " + name, Set.of(user.party()), disabled ? "disabled" : "enabled");
        });
    }

    /** A new token and the secret itself: the secret is shown this once and stored only as its SHA-256. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    public IssuedToken createToken(String userName, String description, Duration lifetime, Principal by) {
        return changes.recordedChange(() -> {
            User user = view().users().get(userName);
            if (user == null) {
                throw new NotFoundException("no user " + userName);
            }
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
                throw new IllegalArgumentException("a token lives between one second and ten years");
            }
            Texts.bounded("description", description, MAX_TOKEN_DESCRIPTION_CHARACTERS);
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = clock.instant();
            ApiToken token = store.addToken(userName, Sha256.hex(secret), description, now, now.plus(lifetime));
            changed(by, Change.TOKEN, "token " + token.id(), Set.of(user.party()), "issued to " + userName
                    + ", expires " + token.expiresAt());
            return new IssuedToken(token, secret);
        });
    }

    public List<ApiToken> tokens() {
        return store.tokens().stream().map(SharingStore.StoredToken::token).toList();
    }

    public void revokeToken(long id, Principal by) {
        recorded(() -> {
            Optional<ApiToken> token = tokens().stream().filter(t -> t.id() == id).findFirst();
            Set<String> parties = token.flatMap(t -> Optional.ofNullable(view().users().get(t.userName())))
                    .map(User::party).map(Set::of).orElse(Set.of());
            if (token.isEmpty() || !store.revokeToken(id, clock.instant())) {
                throw new NotFoundException("no unrevoked token " + id);
            }
            changed(by, Change.TOKEN, "token " + id, parties, "revoked (user " + token.get().userName() + ")");
        });
    }

    // ---- agreements

    public List<Agreement> agreements() {
        return store.agreements();
    }

    public Optional<Agreement> agreement(long id) {
        return store.findAgreement(id);
    }

    /**
     * The nations (parties of kind {@link PartyKind#NATION}) to which an agreement of this node's party active now
     * releases data of {@code kind}: its recipients, a group standing for its members (through nested groups). A
     * party of another kind (agency, operator) has no territory of its own and is not among them.
     */
    public SortedSet<String> nationsReleasedTo(DataKind kind) {
        Map<String, Party> parties = view().parties();
        Instant now = clock.instant();
        Set<String> recipients = new HashSet<>();
        for (Agreement a : store.agreements()) {
            if (a.grantor().equals(nodeParty) && a.kinds().contains(kind) && a.isActiveAt(now)) {
                recipients.addAll(a.recipients());
            }
        }
        SortedSet<String> nations = new TreeSet<>();
        for (String code : AccessPolicy.expand(recipients, store.groupMembers())) {
            Party party = parties.get(code);
            if (party != null && party.kind() == PartyKind.NATION) {
                nations.add(code);
            }
        }
        return nations;
    }

    /** The terms of an agreement, as created or amended. */
    public record Terms(String grantor, SortedSet<String> recipients, Set<DataKind> kinds, boolean includesThirdParty,
                        Instant validFrom, Optional<Instant> validTo) {
    }

    public Agreement addAgreement(Terms terms, Principal by) {
        return changes.recordedChange(() -> {
            checkParties(terms);
            Instant now = clock.instant();
            Agreement added = store.addAgreement(new Agreement(0, terms.grantor(), terms.recipients(), terms.kinds(),
                    terms.includesThirdParty(), terms.validFrom(), terms.validTo(), Optional.empty(), 1, now, now,
                    by.name()));
            recordAgreement(by, added, "created");
            return added;
        });
    }

    private void recordAgreement(Principal by, Agreement a, String what) {
        Set<String> parties = new TreeSet<>(a.recipients());
        parties.add(a.grantor());
        changed(by, Change.AGREEMENT, "agreement " + a.id(), parties, what + " v" + a.version() + ": "
                + a.grantor() + " releases " + a.kinds().stream().map(DataKind::code).sorted().toList()
                + (a.includesThirdParty() ? " (own and third-party)" : " (own)") + " to " + a.recipients()
                + " from " + a.validFrom() + a.validTo().map(t -> " until " + t).orElse(""));
    }

    public Agreement amendAgreement(long id, Terms terms, Principal by) {
        return changes.recordedChange(() -> {
            Agreement old = store.findAgreement(id).orElseThrow(() -> new NotFoundException("no agreement " + id));
            if (old.revokedAt().isPresent()) {
                throw new IllegalArgumentException("agreement " + id + " was revoked at " + old.revokedAt().get()
                        + "; make a new one");
            }
            if (!old.grantor().equals(terms.grantor())) {
                throw new IllegalArgumentException("an agreement's grantor cannot change (" + old.grantor() + ")");
            }
            checkParties(terms);
            Agreement amended = new Agreement(id, old.grantor(), terms.recipients(), terms.kinds(),
                    terms.includesThirdParty(), terms.validFrom(), terms.validTo(), Optional.empty(), old.version() + 1,
                    old.createdAt(), clock.instant(), by.name());
            if (!store.updateAgreement(amended)) {
                throw new IllegalArgumentException("agreement " + id + " changed meanwhile; read it again and retry");
            }
            recordAgreement(by, amended, "amended");
            return amended;
        });
    }

    public Agreement revokeAgreement(long id, Principal by) {
        return changes.recordedChange(() -> {
            Agreement old = store.findAgreement(id).orElseThrow(() -> new NotFoundException("no agreement " + id));
            if (old.revokedAt().isPresent()) {
                throw new IllegalArgumentException("agreement " + id + " was revoked already at "
                        + old.revokedAt().get());
            }
            Instant now = clock.instant();
            Agreement revoked = new Agreement(id, old.grantor(), old.recipients(), old.kinds(),
                    old.includesThirdParty(), old.validFrom(), old.validTo(), Optional.of(now), old.version() + 1,
                    old.createdAt(), now, by.name());
            if (!store.updateAgreement(revoked)) {
                throw new IllegalArgumentException("agreement " + id + " changed meanwhile; read it again and retry");
            }
            recordAgreement(by, revoked, "revoked");
            return revoked;
        });
    }

    private void checkParties(Terms terms) {
        terms.kinds().forEach(kind -> kinds.parse(kind.code()));
        Map<String, Party> parties = view().parties();
        requireParty(parties, terms.grantor());
        terms.recipients().forEach(r -> requireParty(parties, r));
    }

    public static SortedSet<String> parseParties(String text) {
        TreeSet<String> parties = new TreeSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                parties.add(Party.requireCode(part.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return parties;
    }

    /** Something named that does not exist. */
    public static final class NotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotFoundException(String message) {
            super(message);
        }
    }
}
