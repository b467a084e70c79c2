package dev.outpost.app;

import dev.outpost.review.DailyVisits;
import dev.outpost.review.StationUsage;
import dev.outpost.rider.CheckinService;
import dev.outpost.rider.StationDayVisits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The riders' anonymous check-ins as the station use that area reviews read. Use counts as recorded once any check-in
 * exists (before QR posters are up, the review says "no use data" instead of flagging every station). Thread-safe.
 */
final class CheckinUsage implements StationUsage {
    private final CheckinService checkins;

    CheckinUsage(CheckinService checkins) {
        this.checkins = checkins;
    }

    @Override
    public boolean recordsUse() {
        return checkins.inUse();
    }

    @Override
    public List<DailyVisits> dailyVisits(String regionCode, LocalDate from, LocalDate to) {
        List<DailyVisits> out = new ArrayList<>();
        for (StationDayVisits v : checkins.regionVisits(regionCode, from, to)) {
            out.add(new DailyVisits(v.stationId(), v.day(), v.visits()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "riders' check-ins";
    }
}
