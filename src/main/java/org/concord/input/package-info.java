/**
 * What a person types, read one way whether it comes from the command line or over HTTP: distances and durations
 * with their units ({@code 5km}, {@code 500m}; {@code 3d}, {@code 36h}, {@code 90m}, {@code 45s}), dates and
 * instants inside the years the node can use, numbers that are finite and bounded, values of a closed set, and the
 * names of keys and parameters. Each refusal names the field, what was given and what is accepted, in words rather
 * than in the types of the implementation. The rules are described in {@code docs/input.md}.
 * <p>Depends on {@code catalog}, {@code cyber}, {@code formats}, {@code product}, {@code orbit}, {@code screening} and {@code watch} (the queries
 * and parameters it builds); never on the adapters, the store or the composition root.
 */
package org.concord.input;
