/**
 * Conjunctions as stored products: a close approach of two objects with its miss vector, probability of collision and
 * the label combined from its inputs', and the queries of the {@code ConjunctionStore} interface, implemented in
 * {@code store}. The screening runs that produce them are in {@code screening}.
 * <p>Depends on {@code product} (the kind it is), {@code catalog}, {@code risk} and {@code label}; never on the
 * adapters, the store or the composition root.
 */
package org.concord.conjunction;
