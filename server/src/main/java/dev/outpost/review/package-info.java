/**
 * The coverage review of one district or subdistrict for its leaders: stations by kind and status against targets,
 * demand-weighted coverage per worker group at 5 / 10 / 15 minutes with its trend over stored runs, station use with
 * little-used stations flagged, and the largest gap areas with the proposed sites that would close them. Station use
 * and proposals come through the {@link dev.outpost.review.StationUsage} and {@link dev.outpost.review.ProposalSource}
 * interfaces, whose default implementations report none.
 */
package dev.outpost.review;
