/**
 * Starling: drone light-show planning, verification and export. The root holds only the shared
 * input error type ({@code InputException}) that every layer throws for bad input.
 *
 * <p>May import: nothing of Starling's.
 */
package dev.starling;
