/** Starling's own lossless plan.json (starling-plan/1): reader and writer. */
package dev.starling.io.json;
