/**
 * The preview renderer: night over Chongqing with the show's drones as glowing sprites, drawn with
 * LWJGL (GLFW, OpenGL 3.3 core) into an offscreen HDR framebuffer, for an interactive window and
 * for headless PNG frames, videos and benchmarks. It reads a Plan and a Site; it never re-plans.
 *
 * <p>May import: {@code root}, {@code base}, {@code audio}, {@code site}, {@code show},
 * {@code trajectory}, {@code light}, {@code plan}, {@code verify}.
 */
package dev.starling.render;
