/**
 * Exact minimum-cost assignment for squared-Euclidean costs, with an optimality certificate.
 *
 * <p>May import: {@code root}, {@code base}.
 */
package dev.starling.assign;
