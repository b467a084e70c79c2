package dev.outpost.dataio;

import dev.outpost.geo.CoordinateSystem;
import dev.outpost.geo.LatLon;
import dev.outpost.station.Station;
import dev.outpost.station.StationService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes stations as a CSV that Excel opens correctly and {@link StationFileReader} reads back unchanged: UTF-8 with
 * a byte-order mark, CRLF line ends, the Chinese headers of {@link StationFields#CHINESE}, kinds, services and
 * statuses as their Chinese labels (services joined by 、), coordinates in full precision.
 *
 * <p>Against formula injection, a text cell that starts with {@code = + - @}, a tab or a carriage return is written
 * with a leading {@code '} (and a text that already starts with {@code '} followed by one of those gets one more);
 * the numeric columns (capacity, longitude, latitude) are written as plain numbers, so {@code -12.5} stays a number.
 * The reader removes that one quote again. Immutable and thread-safe.
 */
public final class StationCsvWriter {
    private final CoordinateSystem outputCrs;

    /** A writer of WGS 84 coordinates. */
    public StationCsvWriter() {
        this(CoordinateSystem.WGS84);
    }

    /**
     * @param outputCrs the coordinate system of the written longitude/latitude (e.g. GCJ-02 for Amap users); the
     *     file must then be read back with the same system declared
     */
    public StationCsvWriter(CoordinateSystem outputCrs) {
        this.outputCrs = Objects.requireNonNull(outputCrs, "outputCrs");
    }

    /** Writes the stations to {@code out}, which is flushed but not closed. */
    public void write(List<Station> stations, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
            printer.printRecord(StationFields.CHINESE);
            for (Station s : stations) {
                printer.printRecord(row(s));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> row(Station s) {
        LatLon position = outputCrs.fromWgs84(s.location());
        List<String> labels = new ArrayList<>();
        for (StationService service : s.services()) {
            labels.add(service.labelZh());
        }
        List<String> cells = new ArrayList<>(StationFields.CHINESE.size());
        cells.add(text(s.externalId()));
        cells.add(text(s.kind().labelZh()));
        cells.add(text(s.name()));
        cells.add(text(s.address()));
        cells.add(text(s.operator()));
        cells.add(text(s.districtCode()));
        cells.add(text(String.join("、", labels)));
        cells.add(text(s.openingHours() == null ? null : s.openingHours().source()));
        cells.add(s.capacitySeats() == null ? "" : Integer.toString(s.capacitySeats()));
        cells.add(text(s.status().labelZh()));
        cells.add(Cells.plain(position.lon()));
        cells.add(Cells.plain(position.lat()));
        return cells;
    }

    /** A text cell made safe from formula injection (see the class comment); null becomes empty. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean dangerous = isDangerous(value.charAt(0))
                || (value.charAt(0) == '\'' && value.length() > 1 && isDangerous(value.charAt(1)));
        return dangerous ? "'" + value : value;
    }

    /** Whether a cell starting with {@code c} would be taken for a formula by a spreadsheet. */
    static boolean isDangerous(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
