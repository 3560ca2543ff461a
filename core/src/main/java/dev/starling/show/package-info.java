/** The show file (starling-show/1): model records, loading and validation with errors that point at the fix. */
package dev.starling.show;
