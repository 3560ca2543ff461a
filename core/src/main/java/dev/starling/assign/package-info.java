/** Exact minimum-cost assignment for squared-Euclidean costs, with an optimality certificate. */
package dev.starling.assign;
