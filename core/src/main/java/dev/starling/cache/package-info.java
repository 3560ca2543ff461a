/** Content-addressed cache of planning results (sampled formations, assignments) for fast re-plans. */
package dev.starling.cache;
