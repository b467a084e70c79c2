/**
 * The rider side: the nearest open rest stations by travel time on the road network ({@link
 * dev.outpost.rider.NearestService}), hand-off links to the navigation apps riders use ({@link
 * dev.outpost.rider.HandoffLinks}), and anonymous station check-ins behind each station's short code and QR poster
 * ({@link dev.outpost.rider.CheckinService}).
 */
package dev.outpost.rider;
