/**
 * The HTTP API and the web page: the Javalin app factory, one {@code *Routes} class per area that parses requests,
 * calls one service and writes JSON or GeoJSON, and the central mapping of errors to JSON problem responses.
 */
package dev.outpost.http;
