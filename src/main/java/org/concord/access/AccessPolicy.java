package org.concord.access;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.concord.label.DataKind;
import org.concord.label.DataKinds;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * Who may read what on this node: one decision per label and kind of data, from the labels, the groups and the
 * agreements as they are at the moment of the request. The rules, in order (docs/sharing.md explains them):
 * <ol>
 * <li>an expired label reaches nobody;</li>
 * <li>an anonymous caller sees PUBLIC TLP:CLEAR only;</li>
 * <li>the originator's own users always see its data;</li>
 * <li>PUBLIC TLP:CLEAR reaches every caller;</li>
 * <li>otherwise the caller's party must be in the releasability (PUBLIC, or listed, or a member of a listed group);
 *     an empty releasability reaches nobody;</li>
 * <li>TLP:RED reaches only parties listed by name (not through a group), and TLP:RED or AMBER+STRICT data of another
 *     originator is never released onwards by this node;</li>
 * <li>the node's own party sees what rules 5 and 6 admit (it holds the data);</li>
 * <li>any other party needs agreements in force: the originator releasing this kind of data to it, and, for another
 *     originator's data, this node's party releasing third-party data of this kind to it.</li>
 * </ol>
 */
public final class AccessPolicy {

    private final String nodeParty;
    private final Map<String, Set<String>> members;
    private final List<Agreement> agreements;
    private final DataKinds kinds;

    /** The policy over the data of these kinds (the node's): a filter hides every other kind. */
    public AccessPolicy(String nodeParty, Map<String, ? extends Set<String>> groupMembers, List<Agreement> agreements,
                        DataKinds kinds) {
        this.nodeParty = nodeParty;
        this.kinds = kinds;
        Map<String, Set<String>> copy = new HashMap<>();
        groupMembers.forEach((group, m) -> copy.put(group, Set.copyOf(m)));
        this.members = Collections.unmodifiableMap(copy);
        this.agreements = List.copyOf(agreements);
    }

    public boolean mayRead(Principal principal, Label label, DataKind kind, Instant now) {
        if (principal.local()) {
            return true;
        }
        if (label.isExpiredAt(now)) {
            return false;
        }
        boolean open = label.releasability().isPublic() && label.tlp() == Tlp.CLEAR;
        if (principal.party().isEmpty()) {
            return open;
        }
        String party = principal.party().get();
        String originator = label.originator();
        if (party.equals(originator) || open) {
            return true;
        }
        Releasability rel = label.releasability();
        if (!rel.isPublic() && !expand(rel.parties()).contains(party)) {
            return false;
        }
        boolean thirdParty = !originator.equals(nodeParty);
        if (label.tlp() == Tlp.RED && !rel.parties().contains(party)) {
            return false;
        }
        if ((label.tlp() == Tlp.RED || label.tlp() == Tlp.AMBER_STRICT) && thirdParty && !party.equals(nodeParty)) {
            return false;
        }
        if (party.equals(nodeParty)) {
            return true;
        }
        if (!releases(originator, party, kind, false, now)) {
            return false;
        }
        return !thirdParty || releases(nodeParty, party, kind, true, now);
    }

    /** The filter of one caller over the stored labels (ids up to {@code knownUpTo}). */
    public LabelFilter filter(Principal principal, Map<Long, Label> labels, long knownUpTo, Instant now) {
        if (principal.local()) {
            return LabelFilter.UNRESTRICTED;
        }
        Map<DataKind, Set<Long>> visible = new HashMap<>();
        Map<DataKind, Set<Long>> hidden = new HashMap<>();
        Set<DataKind> all = new HashSet<>();
        for (DataKind kind : kinds.all()) {
            Set<Long> ids = new HashSet<>();
            Set<Long> others = new HashSet<>();
            labels.forEach((id, label) -> (mayRead(principal, label, kind, now) ? ids : others).add(id));
            if (others.isEmpty()) {
                all.add(kind);
            } else {
                visible.put(kind, ids);
                hidden.put(kind, others);
            }
        }
        return new LabelFilter(false, knownUpTo, all, visible, hidden);
    }

    private boolean releases(String grantor, String recipient, DataKind kind, boolean thirdParty, Instant now) {
        for (Agreement a : agreements) {
            if (a.grantor().equals(grantor) && a.kinds().contains(kind) && (!thirdParty || a.includesThirdParty())
                    && a.isActiveAt(now) && expand(a.recipients()).contains(recipient)) {
                return true;
            }
        }
        return false;
    }

    /** The parties these codes stand for: themselves, and the members of any group among them (groups nest). */
    private Set<String> expand(SortedSet<String> codes) {
        return expand(codes, members);
    }

    /** As {@link #expand(SortedSet)}, with these group members. */
    static Set<String> expand(java.util.Collection<String> codes, Map<String, Set<String>> members) {
        Set<String> result = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(codes);
        while (!todo.isEmpty()) {
            String code = todo.pop();
            if (result.add(code)) {
                todo.addAll(members.getOrDefault(code, Set.of()));
            }
        }
        return result;
    }
}
