package dev.outpost.http;

import dev.outpost.geo.LatLon;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The centre line of the demo city's river (the {@code waterway=river} way of {@code roads.osm}), read independently
 * of the network engine, to tell which bank a point is on. The river runs north to south.
 */
final class DemoRiver {
    private final List<LatLon> line;

    private DemoRiver(List<LatLon> line) {
        this.line = line;
    }

    static DemoRiver read(Path roadsOsm) throws Exception {
        Map<Long, LatLon> nodes = new HashMap<>();
        List<LatLon> river = null;
        try (InputStream in = Files.newInputStream(roadsOsm)) {
            XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
            List<Long> refs = new ArrayList<>();
            boolean isRiver = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "node" -> nodes.put(
                                Long.parseLong(x.getAttributeValue(null, "id")),
                                new LatLon(
                                        Double.parseDouble(x.getAttributeValue(null, "lat")),
                                        Double.parseDouble(x.getAttributeValue(null, "lon"))));
                        case "way" -> {
                            refs = new ArrayList<>();
                            isRiver = false;
                        }
                        case "nd" -> refs.add(Long.parseLong(x.getAttributeValue(null, "ref")));
                        case "tag" -> isRiver |= "waterway".equals(x.getAttributeValue(null, "k"))
                                && "river".equals(x.getAttributeValue(null, "v"));
                        default -> {}
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && x.getLocalName().equals("way")
                        && isRiver) {
                    river = new ArrayList<>();
                    for (long r : refs) {
                        river.add(nodes.get(r));
                    }
                }
            }
        }
        if (river == null) {
            throw new IllegalStateException("no waterway=river in " + roadsOsm);
        }
        return new DemoRiver(river);
    }

    /** Longitude of the river at a latitude (linear between its vertices); NaN beyond its ends. */
    double lonAt(double lat) {
        for (int i = 0; i + 1 < line.size(); i++) {
            LatLon a = line.get(i);
            LatLon b = line.get(i + 1);
            double lo = Math.min(a.lat(), b.lat());
            double hi = Math.max(a.lat(), b.lat());
            if (lat >= lo && lat <= hi && hi > lo) {
                return a.lon() + (b.lon() - a.lon()) * (lat - a.lat()) / (b.lat() - a.lat());
            }
        }
        return Double.NaN;
    }

    /** -1 west bank, +1 east bank, 0 when the latitude is beyond the river's ends. */
    int bank(LatLon p) {
        double lon = lonAt(p.lat());
        return Double.isNaN(lon) ? 0 : (p.lon() < lon ? -1 : 1);
    }
}
