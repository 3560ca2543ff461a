/**
 * The show file (starling-show/1): model records, loading and validation with errors that point
 * at the fix, asset roots, the timeline and the scenes' light effects as read from the file.
 *
 * <p>May import: {@code root}, {@code base}, {@code audio}, {@code site}, {@code light.effect}.
 */
package dev.starling.show;
