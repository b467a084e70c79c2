package dev.outpost.review;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.geo.BBox;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The coverage review of one district or subdistrict. Immutable.
 *
 * @param regionCode the region
 * @param regionName its display name
 * @param area the area's headline figures and targets
 * @param childLevel the level of its subareas; null when the level has none below
 * @param children its subareas' headline figures, ordered by code (their figures add up to the area's)
 * @param groups one entry per worker group, in {@link WorkerGroup} order
 * @param focusGroup the group whose station use, gaps and map are shown
 * @param usage the area's open stations with use and overlap
 * @param gaps the largest gap areas of the focus group in the area, largest first
 * @param bbox the area's bounding box, WGS 84
 * @param generatedAt when the review was made
 */
public record AreaReview(
        String regionCode,
        String regionName,
        AreaHeadline area,
        AreaLevel childLevel,
        List<AreaHeadline> children,
        List<GroupReview> groups,
        WorkerGroup focusGroup,
        UsageReview usage,
        List<GapReview> gaps,
        BBox bbox,
        Instant generatedAt) {
    public AreaReview {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(area, "area");
        children = List.copyOf(children);
        groups = List.copyOf(groups);
        Objects.requireNonNull(focusGroup, "focusGroup");
        Objects.requireNonNull(usage, "usage");
        gaps = List.copyOf(gaps);
        Objects.requireNonNull(bbox, "bbox");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** The review of one group. */
    public Optional<GroupReview> group(WorkerGroup group) {
        return groups.stream().filter(g -> g.group() == group).findFirst();
    }
}
