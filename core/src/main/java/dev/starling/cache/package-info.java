/**
 * Content-addressed cache of planning results (sampled formations, assignments) for fast
 * re-plans: entries keyed by a hash of their inputs and the code, checked by that hash (and an
 * assignment by its optimality certificate) before they are used, never trusted.
 *
 * <p>May import: {@code root}, {@code base}, {@code site}, {@code show}, {@code formation},
 * {@code assign}, {@code plan}.
 */
package dev.starling.cache;
