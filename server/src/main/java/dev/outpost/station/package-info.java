/**
 * Stations (暖蜂驿站, 司机之家, 党群服务中心, partner sites): their kind, services, opening hours, capacity and status;
 * the repository interface that {@code store} implements, and the catalogue service that the HTTP layer calls.
 */
package dev.outpost.station;
