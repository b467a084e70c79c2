/** Start-up: configuration, hand-written wiring of every component, and the command-line commands. */
package dev.outpost.app;
