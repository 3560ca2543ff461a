package dev.starling.show;

/** How the show ends: every drone descends to a pad; {@code returnHome} sends each to its own takeoff pad. */
public record Landing(boolean returnHome) {
}
