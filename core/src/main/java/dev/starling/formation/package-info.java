/**
 * Formation sources (text, image, SVG, mesh, points, parametric shapes), the spacing-guaranteed
 * sampler, and the sampling of a whole show's scenes ({@code ShowTargets}).
 *
 * <p>May import: {@code root}, {@code base}, {@code site}, {@code show}.
 */
package dev.starling.formation;
