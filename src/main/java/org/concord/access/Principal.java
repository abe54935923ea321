package org.concord.access;

import java.util.Optional;

/**
 * Who is asking: a user of some party with a role, an anonymous caller of the open API (sees PUBLIC TLP:CLEAR data
 * only), or the node's local operator at the command line (sees everything the node holds).
 */
public record Principal(String name, Optional<String> party, Optional<Role> role, boolean local) {

    public static Principal anonymous() {
        return new Principal("anonymous", Optional.empty(), Optional.empty(), false);
    }

    public static Principal localOperator(String osUser) {
        return new Principal("cli:" + osUser, Optional.empty(), Optional.of(Role.ADMIN), true);
    }

    public static Principal of(User user) {
        return new Principal(user.name(), Optional.of(user.party()), Optional.of(user.role()), false);
    }

    public boolean isAnonymous() {
        return !local && party.isEmpty();
    }

    public boolean mayIngest() {
        return local || role.map(Role::mayIngest).orElse(false);
    }

    public boolean mayScreen() {
        return local || role.map(Role::mayScreen).orElse(false);
    }

    public boolean mayAdminister() {
        return local || role.map(Role::mayAdminister).orElse(false);
    }
}
