/**
 * Who may see what: parties (nations, agencies, operators, groups), their users and API tokens, the agreements by
 * which a party releases data to others, and the {@code AccessPolicy} that decides, per label and kind of data, what a
 * caller sees (docs/sharing.md). Persistence is the {@code SharingStore} interface, implemented in {@code store}.
 * <p>Depends on {@code label}, {@code input} and {@code digest}; never on the adapters, the store or the composition
 * root.
 */
package org.concord.access;
