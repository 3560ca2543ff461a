/** File input/output shared by every format: atomic writes; one sub-package per format. */
package dev.starling.io;
