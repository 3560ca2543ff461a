/** Formation sources (text, image, SVG, mesh, points, parametric shapes) and the spacing-guaranteed sampler. */
package dev.starling.formation;
