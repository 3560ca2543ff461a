/** The starling command line: one picocli subcommand class per verb; logic lives in core. */
package dev.starling.cli;
