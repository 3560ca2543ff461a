/**
 * Beyond verification: Monte-Carlo GNSS/wind contact risk, battery margin, audience legibility
 * and clearance from the site's structures, on a plan's flights.
 *
 * <p>May import: {@code root}, {@code base}, {@code site}, {@code trajectory}, {@code light},
 * {@code plan}, {@code verify}.
 */
package dev.starling.analysis;
