package dev.outpost.planning;

import dev.outpost.common.ConflictException;
import dev.outpost.common.NotFoundException;
import dev.outpost.coverage.AreaIndex;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.WorkerGroup;
import dev.outpost.district.AreaLevel;
import dev.outpost.district.District;
import dev.outpost.district.DistrictRepository;
import dev.outpost.station.Station;
import dev.outpost.station.StationKind;
import dev.outpost.station.StationListener;
import dev.outpost.station.StationRepository;
import dev.outpost.station.StationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The proposal workflow of issue 6 over stored scenarios: a planner submits a scenario for one area; a leader of that
 * area approves it, which turns each proposed site into a {@link StationStatus#PLANNED} station of the register, or
 * sends it back with a comment. Who may take which step is the access policy's business (the HTTP layer); this
 * service checks the input and the state.
 *
 * <p>The area of a submission is the district code given by the planner, which must be a known area of the region
 * (any level) containing every proposed site (by the site's district code or the area's boundary); without one, it is
 * the district (level {@link AreaLevel#DISTRICT}) that all sites lie in. Only draft and returned scenarios can be
 * submitted, only submitted ones decided; any other state is a {@link ConflictException} naming the current status.
 * Comments are at most {@value #MAX_COMMENT_LENGTH} characters, required for sending back.
 *
 * <p>Approving writes the stations, the new status and the decision in one transaction (see {@link
 * ProposalRepository#approve}); only after it commits are the station listeners told (coverage, nearest). A site
 * standing on a register station ({@link CandidateSource#REGISTER}: a planned station or a partner site) creates no
 * second station: the decision lists that station. A new station takes the site's name and position, the district
 * code of the site (else the proposal's area), the external id {@code proposal-<scenario>-<site>}, and a kind from
 * the candidate ({@link #kindFor}).
 *
 * <p>Thread-safe; steps on one scenario are serialised by the repository's row lock.
 */
public final class ProposalService {
    /** Longest comment, in characters (code points). */
    public static final int MAX_COMMENT_LENGTH = 2000;
    /** Most proposals one list returns. */
    public static final int MAX_LIST = 500;

    private final ScenarioRepository scenarios;
    private final ProposalRepository repository;
    private final DistrictRepository districts;
    private final StationRepository stations;
    private final ServingRules rules;
    private final StationListener listener;
    private final Clock clock;

    /** @param listener told of every station an approval created, after the commit */
    public ProposalService(
            ScenarioRepository scenarios,
            ProposalRepository repository,
            DistrictRepository districts,
            StationRepository stations,
            ServingRules rules,
            StationListener listener,
            Clock clock) {
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading

    /**
     * The scenario with its area and history.
     *
     * @throws NotFoundException when the region has no such scenario
     */
    public Proposal get(String regionCode, long scenarioId) {
        Scenario s = scenario(regionCode, scenarioId);
        ProposalRepository.Header h =
                repository.header(regionCode, scenarioId).orElseThrow(() -> notFound(regionCode, scenarioId));
        return proposal(s, h);
    }

    /** The workflow fields of a scenario (for the access check: its area and submitter); empty when there is none. */
    public Optional<ProposalRepository.Header> findHeader(String regionCode, long scenarioId) {
        return repository.header(regionCode, scenarioId);
    }

    /**
     * The region's proposals in {@code status} whose area is one of {@code areaCodes} (null: every area), newest
     * submission first.
     *
     * @param limit 1–{@value #MAX_LIST}
     */
    public List<Proposal> list(String regionCode, ScenarioStatus status, Set<String> areaCodes, int limit) {
        Objects.requireNonNull(status, "status");
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit " + limit + " is out of range 1.." + MAX_LIST);
        }
        List<Proposal> out = new ArrayList<>();
        if (areaCodes != null && areaCodes.isEmpty()) {
            return out;
        }
        for (long id : repository.find(regionCode, status, areaCodes, limit)) {
            Optional<Scenario> s = scenarios.find(regionCode, id);
            Optional<ProposalRepository.Header> h = repository.header(regionCode, id);
            if (s.isPresent() && h.isPresent()) {
                out.add(proposal(s.get(), h.get()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // steps

    /**
     * Submits a draft or returned scenario for an area.
     *
     * @param areaCode the area (a district code of the region); null to use the district all sites lie in
     * @param comment optional note for the leader; null or blank for none
     * @throws NotFoundException when there is no such scenario
     * @throws ConflictException when it is not a draft or returned, or has no sites
     * @throws IllegalArgumentException for an unknown area, a site outside the area, sites in several districts
     *     (without an area), or a comment that is too long
     */
    public Proposal submit(String regionCode, long scenarioId, String areaCode, String comment, String actor) {
        String note = comment(comment, false);
        Scenario s = scenario(regionCode, scenarioId);
        requireStatus(s, ProposalStep.SUBMITTED);
        if (s.sites().isEmpty()) {
            throw new ConflictException(
                    "scenario " + scenarioId + " has no proposed sites; add a site before submitting it");
        }
        String area = areaCode == null || areaCode.isBlank() ? areaOfSites(s) : checkArea(s, areaCode.strip());
        ProposalDecision d = new ProposalDecision(
                0, regionCode, scenarioId, ProposalStep.SUBMITTED, s.status(), actor, note, area, List.of(), now());
        if (repository.submit(d, s.status(), s.editCount()).isEmpty()) {
            throw changedMeanwhile(regionCode, scenarioId);
        }
        return get(regionCode, scenarioId);
    }

    /**
     * Approves a submitted proposal: every site becomes a planned station (see the class comment), in one
     * transaction with the decision.
     *
     * @param comment optional; null or blank for none
     * @throws NotFoundException when there is no such scenario
     * @throws ConflictException when it is not submitted, or a new station's external id is taken
     * @throws IllegalArgumentException for a comment that is too long
     */
    public Proposal approve(String regionCode, long scenarioId, String comment, String actor) {
        String note = comment(comment, false);
        Scenario s = scenario(regionCode, scenarioId);
        requireStatus(s, ProposalStep.APPROVED);
        ProposalRepository.Header h =
                repository.header(regionCode, scenarioId).orElseThrow(() -> notFound(regionCode, scenarioId));
        String area = h.areaCode();
        List<Station> fresh = new ArrayList<>();
        List<Long> existing = new ArrayList<>();
        for (ProposedSite site : s.sites()) {
            Optional<Station> register = registerStation(s, site);
            if (register.isPresent()) {
                existing.add(register.get().id());
            } else {
                fresh.add(newStation(s, site, area));
            }
        }
        ProposalDecision d = new ProposalDecision(
                0, regionCode, scenarioId, ProposalStep.APPROVED, s.status(), actor, note, area, existing, now());
        ProposalRepository.Approval done =
                repository.approve(d, fresh, s.editCount()).orElseThrow(() -> changedMeanwhile(regionCode, scenarioId));
        for (Station st : done.stations()) {
            try {
                listener.saved(st);
            } catch (RuntimeException e) {
                System.getLogger(ProposalService.class.getName())
                        .log(System.Logger.Level.WARNING, "station listener failed; the approval stands", e);
            }
        }
        return get(regionCode, scenarioId);
    }

    /**
     * Sends a submitted proposal back to its planner with a comment; it becomes editable again.
     *
     * @throws NotFoundException when there is no such scenario
     * @throws ConflictException when it is not submitted
     * @throws IllegalArgumentException when the comment is missing, blank or too long
     */
    public Proposal sendBack(String regionCode, long scenarioId, String comment, String actor) {
        String note = comment(comment, true);
        Scenario s = scenario(regionCode, scenarioId);
        requireStatus(s, ProposalStep.RETURNED);
        ProposalRepository.Header h =
                repository.header(regionCode, scenarioId).orElseThrow(() -> notFound(regionCode, scenarioId));
        ProposalDecision d = new ProposalDecision(
                0,
                regionCode,
                scenarioId,
                ProposalStep.RETURNED,
                s.status(),
                actor,
                note,
                h.areaCode(),
                List.of(),
                now());
        if (repository.sendBack(d).isEmpty()) {
            throw changedMeanwhile(regionCode, scenarioId);
        }
        return get(regionCode, scenarioId);
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The kind of the station a site becomes: a partner site stays a partner site, a community centre or town hall
     * becomes a Party-mass service centre, anything else a warm-bee station; when that kind does not serve the
     * scenario's worker group, the first kind that does (warm-bee first; e.g. driver homes for truck drivers).
     */
    StationKind kindFor(ProposedSite site, WorkerGroup group) {
        StationKind k =
                switch (site.kind()) {
                    case PARTNER_SITE -> StationKind.PARTNER_SITE;
                    case COMMUNITY_CENTRE, TOWN_HALL -> StationKind.PARTY_SERVICE_CENTER;
                    default -> StationKind.WARM_BEE_STATION;
                };
        Set<StationKind> serving = rules.kindsFor(group);
        if (serving.isEmpty() || serving.contains(k)) {
            return k;
        }
        return serving.contains(StationKind.WARM_BEE_STATION)
                ? StationKind.WARM_BEE_STATION
                : serving.iterator().next();
    }

    /** The external id of the station a site becomes. */
    static String externalId(long scenarioId, int siteId) {
        return "proposal-" + scenarioId + "-" + siteId;
    }

    private Station newStation(Scenario s, ProposedSite site, String area) {
        String external = externalId(s.id(), site.siteId());
        stations.findByExternalId(s.regionCode(), external).ifPresent(other -> {
            throw new ConflictException("external id '" + external + "' of site " + site.siteId()
                    + " is already used by station " + other.id() + " in region '" + s.regionCode() + "'");
        });
        return new Station(
                null,
                s.regionCode(),
                external,
                kindFor(site, s.request().group()),
                site.name(),
                null,
                null,
                site.districtCode() != null ? site.districtCode() : area,
                null,
                null,
                null,
                StationStatus.PLANNED,
                site.position());
    }

    private Optional<Station> registerStation(Scenario s, ProposedSite site) {
        if (site.source() != CandidateSource.REGISTER || site.candidateId() == null) {
            return Optional.empty();
        }
        String id = site.candidateId();
        String prefix = "station:"; // CandidateService.registerId
        if (!id.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return stations.findById(s.regionCode(), Long.parseLong(id.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String checkArea(Scenario s, String code) {
        String region = s.regionCode();
        District area = districts.findByCode(region, code).orElseThrow(() -> {
            List<String> known = districts.find(region, AreaLevel.DISTRICT).stream()
                    .map(d -> d.code() + " " + d.name())
                    .toList();
            return new IllegalArgumentException(
                    "area: unknown district '" + code + "' in region '" + region + "'; known districts: " + known);
        });
        AreaIndex index = new AreaIndex(List.of(area));
        List<String> outside = new ArrayList<>();
        for (ProposedSite p : s.sites()) {
            boolean inside = code.equals(p.districtCode()) || index.locate(p.position(), area.level()) >= 0;
            if (!inside) {
                outside.add("site " + p.siteId() + " '" + p.name() + "'"
                        + (p.districtCode() == null ? "" : " (in " + p.districtCode() + ")"));
            }
        }
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException(
                    "area: " + outside.size() + " of " + s.sites().size()
                            + " sites lie outside " + area.name() + " (" + code + "): " + outside
                            + "; submit for an area containing every site, or remove them");
        }
        return code;
    }

    private String areaOfSites(Scenario s) {
        List<District> all = districts.find(s.regionCode(), AreaLevel.DISTRICT);
        AreaIndex index = new AreaIndex(all);
        Map<String, List<Integer>> bySite = new TreeMap<>();
        for (ProposedSite p : s.sites()) {
            String code = p.districtCode();
            if (code == null) {
                int k = index.locate(p.position(), AreaLevel.DISTRICT);
                code = k < 0 ? "?" : index.areas(AreaLevel.DISTRICT).get(k).code();
            }
            bySite.computeIfAbsent(code, c -> new ArrayList<>()).add(p.siteId());
        }
        if (bySite.containsKey("?")) {
            throw new IllegalArgumentException("area: sites " + bySite.get("?")
                    + " lie in no known district of region '" + s.regionCode() + "'; name the area to submit for");
        }
        if (bySite.size() > 1) {
            throw new IllegalArgumentException("area: the sites lie in " + bySite.size() + " districts ("
                    + bySite.entrySet().stream()
                            .map(e -> e.getKey() + ": sites " + e.getValue())
                            .collect(Collectors.joining("; "))
                    + "); name an area containing them all, or split the scenario");
        }
        return bySite.keySet().iterator().next();
    }

    private void requireStatus(Scenario s, ProposalStep step) {
        if (!step.allowedFrom(s.status())) {
            String allowed = step == ProposalStep.SUBMITTED
                    ? "only draft and returned scenarios can be submitted"
                    : "only submitted proposals can be approved or sent back";
            throw new ConflictException(
                    "scenario " + s.id() + " is " + s.status().code() + "; " + allowed);
        }
    }

    /** The checked comment: stripped, null when blank. */
    static String comment(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(
                        "comment: required when sending a proposal back; say what should change");
            }
            return null;
        }
        String c = text.strip();
        int n = c.codePointCount(0, c.length());
        if (n > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException(
                    "comment: " + n + " characters; at most " + MAX_COMMENT_LENGTH + " allowed");
        }
        return c;
    }

    private Proposal proposal(Scenario s, ProposalRepository.Header h) {
        String name = h.areaCode() == null
                ? null
                : districts
                        .findByCode(s.regionCode(), h.areaCode())
                        .map(District::name)
                        .orElse(null);
        return new Proposal(
                s, h.areaCode(), name, h.submittedBy(), h.submittedAt(), repository.decisions(s.regionCode(), s.id()));
    }

    private Scenario scenario(String regionCode, long scenarioId) {
        return scenarios.find(regionCode, scenarioId).orElseThrow(() -> notFound(regionCode, scenarioId));
    }

    private static NotFoundException notFound(String regionCode, long scenarioId) {
        return new NotFoundException("scenario " + scenarioId + " not found in region '" + regionCode + "'");
    }

    private ConflictException changedMeanwhile(String regionCode, long scenarioId) {
        String now = repository
                .header(regionCode, scenarioId)
                .map(h -> h.status().code())
                .orElse("gone");
        return new ConflictException(
                "scenario " + scenarioId + " changed meanwhile and is now " + now + "; reload it and try again");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
