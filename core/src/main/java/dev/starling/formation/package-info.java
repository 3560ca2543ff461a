/**
 * Formation sources (text, image, SVG, mesh, points, parametric shapes, imported animation: CSV
 * frame sequences and glTF), the spacing-guaranteed sampler, the sampling of a whole show's scenes
 * ({@code ShowTargets}) and their motion during the hold ({@code SceneMotion}: keyframed
 * centre, rotation and scale, parts, frame colours as light keyframes).
 *
 * <p>May import: {@code root}, {@code base}, {@code site}, {@code show}, {@code light.effect}.
 */
package dev.starling.formation;
