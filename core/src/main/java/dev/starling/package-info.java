/** Starling: drone light-show planning, verification and export; root holds the shared input error type. */
package dev.starling;
