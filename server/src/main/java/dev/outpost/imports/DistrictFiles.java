package dev.outpost.imports;

import dev.outpost.dataio.ParsedFile;
import dev.outpost.district.District;
import dev.outpost.geo.CoordinateSystem;

/** Bridges {@link ImportService} to the district file reader of {@code dataio}. */
final class DistrictFiles {
    private DistrictFiles() {}

    static ParsedFile<District> read(
            String regionCode,
            String fileName,
            byte[] bytes,
            CoordinateSystem crs,
            long maxBytes,
            DistrictFileOptions options) {
        throw new UnsupportedOperationException("district files: reader pending");
    }
}
