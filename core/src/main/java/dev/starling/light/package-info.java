/** Light programs: per-drone colour keyframes with fades, and their Skybrush bytecode. */
package dev.starling.light;
