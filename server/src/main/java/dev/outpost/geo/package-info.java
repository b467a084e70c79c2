/** Value types for positions and areas (WGS 84), the JTS geometry factory, coordinate systems and the H3 grid. */
package dev.outpost.geo;
