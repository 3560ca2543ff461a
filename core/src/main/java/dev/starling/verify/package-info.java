/** The independent verifier: continuous-time separation, speed, acceleration, altitude and geofence checks. */
package dev.starling.verify;
