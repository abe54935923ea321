package org.concord.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.label.Label;

/**
 * Persistence of parties, group members, users, tokens and agreements, implemented in {@code store}. Every change
 * raises {@link #version()} in the same transaction, and so does storing a new label, so that a process that sees an
 * unchanged version knows its view of all of them is current.
 */
public interface SharingStore {

    long version();

    /** A counter of the changes (new labels included) committed by this process: cheap, read on every request. */
    long changesHere();

    List<Party> parties();

    /** Group code to member codes. */
    Map<String, Set<String>> groupMembers();

    void addParty(Party party);

    /**
     * Sets a party's source priority and, in the same transaction, re-ranks the latest orbit of every object whose
     * tie at its newest epoch the change may decide. Returns how many objects got another latest orbit.
     */
    int setSourcePriority(String code, int priority);

    void addMember(String group, String member);

    void removeMember(String group, String member);

    List<User> users();

    void addUser(User user);

    void setUserDisabled(String name, boolean disabled);

    /** A stored token with the SHA-256 (hex) of its secret. */
    record StoredToken(ApiToken token, String sha256) {
    }

    List<StoredToken> tokens();

    ApiToken addToken(String userName, String sha256, String description, Instant createdAt, Instant expiresAt);

    /** Revokes the token; false when there is no such token. */
    boolean revokeToken(long id, Instant at);

    List<Agreement> agreements();

    Agreement addAgreement(Agreement agreement);

    /** Replaces an agreement by a new version of it; false when there is no such agreement. */
    boolean updateAgreement(Agreement agreement);

    Optional<Agreement> findAgreement(long id);

    /** Every stored label with its id. */
    Map<Long, Label> labels();
}
