/**
 * Light programs: per-drone colour keyframes with fades, and their Skybrush bytecode.
 *
 * <p>May import: {@code root}.
 */
package dev.starling.light;
