package dev.outpost.dataio;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.outpost.geo.Geometries;
import dev.outpost.station.Station;
import dev.outpost.station.StationService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes stations as a GeoJSON FeatureCollection (RFC 7946): UTF-8 with Chinese text as is (not escaped), WGS 84
 * Point geometries, the database id (when known) as the feature {@code id}, and the properties {@code external_id,
 * kind, name, address, operator, district, services, opening_hours, capacity, status} with kinds, services and
 * statuses as their codes ({@code services} as an array). {@link StationFileReader} reads the output back
 * unchanged. Immutable and thread-safe.
 */
public final class StationGeoJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    /** Writes the stations to {@code out}, which is flushed but not closed. */
    public void write(List<Station> stations, OutputStream out) {
        try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeArrayFieldStart("features");
            for (Station s : stations) {
                gen.writeStartObject();
                gen.writeStringField("type", "Feature");
                if (s.id() != null) {
                    gen.writeNumberField("id", s.id());
                }
                gen.writeObjectFieldStart("properties");
                nullable(gen, StationFields.EXTERNAL_ID, s.externalId());
                gen.writeStringField(StationFields.KIND, s.kind().code());
                gen.writeStringField(StationFields.NAME, s.name());
                nullable(gen, StationFields.ADDRESS, s.address());
                nullable(gen, StationFields.OPERATOR, s.operator());
                nullable(gen, StationFields.DISTRICT, s.districtCode());
                gen.writeArrayFieldStart(StationFields.SERVICES);
                for (StationService service : s.services()) {
                    gen.writeString(service.code());
                }
                gen.writeEndArray();
                nullable(
                        gen,
                        StationFields.OPENING_HOURS,
                        s.openingHours() == null ? null : s.openingHours().source());
                if (s.capacitySeats() == null) {
                    gen.writeNullField(StationFields.CAPACITY);
                } else {
                    gen.writeNumberField(StationFields.CAPACITY, s.capacitySeats());
                }
                gen.writeStringField(StationFields.STATUS, s.status().code());
                gen.writeEndObject();
                gen.writeFieldName("geometry");
                GeoJsonGeometry.write(gen, Geometries.point(s.location()));
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nullable(JsonGenerator gen, String field, String value) throws IOException {
        if (value == null) {
            gen.writeNullField(field);
        } else {
            gen.writeStringField(field, value);
        }
    }
}
