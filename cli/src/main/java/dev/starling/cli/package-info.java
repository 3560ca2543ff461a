/**
 * The starling command line: one picocli subcommand class per verb; logic lives in core and the
 * renderer, formatting here.
 *
 * <p>May import: any package of core and render.
 */
package dev.starling.cli;
