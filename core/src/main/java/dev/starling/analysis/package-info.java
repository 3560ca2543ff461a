/** Beyond verification: Monte-Carlo GNSS/wind contact risk, battery margin, audience legibility and clearance from the site's structures. */
package dev.starling.analysis;
