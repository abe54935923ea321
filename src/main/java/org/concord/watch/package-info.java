/**
 * Watch lists and notifications: a party registers the objects it cares about with thresholds (miss distance,
 * probability of collision, time to TCA); after each pass that builds conjunction events, and every minute while
 * serving, the events of a watched object that cross a watch's thresholds make a notification of the watch's party
 * ({@link NotificationRule} says when an event is news), listed to that party and delivered in the background to the
 * watch's webhook, signed with the node's key and retried with back-off ({@link Deliveries}). A party only ever
 * learns of events it may see: checked when a notification is made, when it is listed and when it is delivered.
 * Persistence is the {@code WatchStore} interface, implemented in {@code store}.
 * <p>Depends on {@code access}, {@code audit}, {@code event}, {@code conjunction}, {@code catalog}, {@code risk}
 * (the values of an event's updates), {@code identity}, {@code label} and {@code product}; never on the adapters, the
 * store or the composition root.
 */
package org.concord.watch;
