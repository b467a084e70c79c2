/**
 * Durable state in PostGIS: the private cluster, the database and its migrations, jOOQ repositories implementing the
 * domain interfaces, the JTS geometry binding, and the generated jOOQ classes ({@code store.jooq}).
 */
package dev.outpost.store;
