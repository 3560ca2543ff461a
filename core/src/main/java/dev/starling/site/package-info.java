/**
 * The site around a show (rivers, banks, towers, bridges, audience viewpoints): one geometry
 * read by the renderer and the clearance check.
 *
 * <p>May import: {@code root}, {@code base}.
 */
package dev.starling.site;
