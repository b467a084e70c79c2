package dev.outpost.app;

import dev.outpost.account.AccessPolicy;
import dev.outpost.account.AccountService;
import dev.outpost.account.AccountSettings;
import dev.outpost.account.AuditTrail;
import dev.outpost.account.Authorizer;
import dev.outpost.account.PasswordHasher;
import dev.outpost.coverage.CoverageRepository;
import dev.outpost.coverage.CoverageService;
import dev.outpost.coverage.CoverageSettings;
import dev.outpost.coverage.ServingRules;
import dev.outpost.demand.DemandRepository;
import dev.outpost.demand.DemandService;
import dev.outpost.district.DistrictRepository;
import dev.outpost.district.RegionRepository;
import dev.outpost.http.CandidateRoutes;
import dev.outpost.http.CoverageRoutes;
import dev.outpost.http.DemandRoutes;
import dev.outpost.http.HttpApp;
import dev.outpost.http.HttpServices;
import dev.outpost.http.HttpSettings;
import dev.outpost.http.IsochroneRoutes;
import dev.outpost.http.JobRoutes;
import dev.outpost.http.ProposalRoutes;
import dev.outpost.http.ReportRoutes;
import dev.outpost.http.ReviewRoutes;
import dev.outpost.http.RiderRoutes;
import dev.outpost.http.Routes;
import dev.outpost.http.ScenarioRoutes;
import dev.outpost.http.Security;
import dev.outpost.http.Tls;
import dev.outpost.imports.ImportService;
import dev.outpost.network.NetworkSettings;
import dev.outpost.network.graphhopper.OsmPoiSource;
import dev.outpost.planning.CandidateService;
import dev.outpost.planning.CoverageMatrixService;
import dev.outpost.planning.JobService;
import dev.outpost.planning.ProposalService;
import dev.outpost.planning.ScenarioProposals;
import dev.outpost.planning.ScenarioService;
import dev.outpost.report.CjkFont;
import dev.outpost.report.ReportService;
import dev.outpost.review.ReviewService;
import dev.outpost.review.ReviewSettings;
import dev.outpost.rider.CheckinService;
import dev.outpost.rider.NearestService;
import dev.outpost.rider.VisitLimits;
import dev.outpost.rider.poster.PosterFont;
import dev.outpost.rider.poster.PosterService;
import dev.outpost.station.StationCatalog;
import dev.outpost.station.StationListener;
import dev.outpost.station.StationRepository;
import dev.outpost.store.Database;
import dev.outpost.store.JooqAuditTrail;
import dev.outpost.store.JooqCandidateRepository;
import dev.outpost.store.JooqCheckinRepository;
import dev.outpost.store.JooqCoverageRepository;
import dev.outpost.store.JooqDemandRepository;
import dev.outpost.store.JooqDistrictRepository;
import dev.outpost.store.JooqImportStore;
import dev.outpost.store.JooqJobRepository;
import dev.outpost.store.JooqProposalRepository;
import dev.outpost.store.JooqRegionRepository;
import dev.outpost.store.JooqScenarioRepository;
import dev.outpost.store.JooqSessionRepository;
import dev.outpost.store.JooqSiteReachRepository;
import dev.outpost.store.JooqStationRepository;
import dev.outpost.store.JooqUserRepository;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every long-lived component, wired by hand in one place (no static services). Owns the database; {@link #close()}
 * releases everything.
 */
public final class Components implements AutoCloseable {
    final Config config;
    final Database database;
    final Clock clock;
    final RegionRepository regions;
    final StationRepository stationRepository;
    final DistrictRepository districts;
    final StationCatalog stations;
    final ImportService imports;
    final AccountService accounts;
    final Authorizer authorizer;
    final AuditTrail audit;
    final Networks networks;
    final CoverageService coverage;
    final DemandService demand;
    final ReviewService review;
    final ReportService reports;
    final CandidateService candidates;
    final CoverageMatrixService matrices;
    final ScenarioService scenarios;
    final JobService jobs;
    final ProposalService proposals;
    final NearestService nearest;
    final CheckinService checkins;
    final PosterService posters;

    public Components(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.regions = new JooqRegionRepository(database);
        this.stationRepository = new JooqStationRepository(database);
        this.districts = new JooqDistrictRepository(database);
        this.stations = new StationCatalog(stationRepository, clock);
        this.imports = new ImportService(new JooqImportStore(database), districts, config.maxUploadBytes());
        // accounts and access
        JooqSessionRepository sessions = new JooqSessionRepository(database);
        this.accounts = new AccountService(
                new JooqUserRepository(database),
                sessions,
                sessions,
                regions,
                districts,
                new PasswordHasher(),
                AccountSettings.DEFAULTS,
                clock);
        // target resolvers of the access policy: the area of a report is its file name ("449901.pdf")
        Authorizer authorizer =
                new Authorizer(AccessPolicy.standard(), districts, Map.of("report-area", (region, path) -> {
                    String file = path.getOrDefault("file", "");
                    int dot = file.lastIndexOf('.');
                    return java.util.Optional.of(
                            new dev.outpost.account.Target(region, dot > 0 ? file.substring(0, dot) : file, null));
                }));
        this.audit = new JooqAuditTrail(database);
        CoverageRepository coverageRepo = new JooqCoverageRepository(database);
        DemandRepository demandRepo = new JooqDemandRepository(database);
        this.networks = new Networks(config.varDir().resolve("graphs"), coverageRepo, NetworkSettings.defaults());
        this.demand = new DemandService(demandRepo, districts, new OsmPoiSource());
        this.coverage = new CoverageService(
                networks::find,
                stationRepository,
                districts,
                demandRepo,
                coverageRepo,
                ServingRules.defaults(),
                CoverageSettings.defaults(),
                clock);
        // --- planning (issue 4): candidates, stored reach matrices, scenarios, jobs for long solves
        this.matrices = new CoverageMatrixService(
                networks::find, coverageRepo, demandRepo, new JooqSiteReachRepository(database), 4);
        this.candidates = new CandidateService(
                new JooqCandidateRepository(database),
                stationRepository,
                districts,
                demandRepo,
                coverage.rules(),
                new OsmPoiSource());
        JooqScenarioRepository scenarioRepo = new JooqScenarioRepository(database);
        this.scenarios = new ScenarioService(
                candidates, matrices, stationRepository, districts, scenarioRepo, coverage.rules(), clock, 32);
        // one job at a time on 2 cores keeps the server responsive; 20 may wait
        this.jobs = new JobService(new JooqJobRepository(database), jobRunnerName(config), 1, 20, clock);
        // --- end of planning
        // --- riders (issue 5): nearest stations, check-ins behind station codes, QR posters
        this.nearest = new NearestService(stations, networks::find, clock, Duration.ofSeconds(10));
        this.checkins = new CheckinService(
                new JooqCheckinRepository(database),
                stations,
                clock,
                CheckinSecret.load(config.varDir().resolve("checkin.secret")),
                VisitLimits.defaults());
        this.posters = new PosterService(stations, checkins, PosterFont::system);
        // --- end of riders
        // review: station use comes from the riders' check-ins; proposals come from the scenarios
        this.review = new ReviewService(
                coverage,
                stationRepository,
                districts,
                regions,
                new CheckinUsage(checkins),
                new ScenarioProposals(scenarioRepo, matrices, districts, 200),
                ReviewSettings.defaults(),
                clock);
        this.reports = new ReportService(review, () -> CjkFont.locate(System.getenv()));
        StationListener registerChanged = new StationListener() {
            @Override
            public void saved(dev.outpost.station.Station station) {
                coverage.stationSaved(station);
                nearest.stationsChanged(station.regionCode());
            }

            @Override
            public void deleted(String regionCode, long stationId) {
                coverage.stationDeleted(regionCode, stationId);
                nearest.stationsChanged(regionCode);
            }
        };
        this.stations.addListener(registerChanged);
        // the proposal workflow (issue 6): approved sites become planned stations, told to the same listener
        this.proposals = new ProposalService(
                scenarioRepo,
                new JooqProposalRepository(database),
                districts,
                stationRepository,
                coverage.rules(),
                registerChanged,
                clock);
        this.authorizer = authorizer.withResolver("proposal", (region, path) -> proposalTarget(region, path));
    }

    /**
     * The target of a proposal route ({@code {id}} is a scenario id): its region, the area it was submitted for and
     * who submitted it (else who created it); empty when there is no such scenario (the handler answers 404).
     */
    private java.util.Optional<dev.outpost.account.Target> proposalTarget(String region, Map<String, String> path) {
        long id;
        try {
            id = Long.parseLong(path.getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // the handler refuses the id
        }
        return proposals
                .findHeader(region, id)
                .map(h -> new dev.outpost.account.Target(
                        region, h.areaCode(), h.submittedBy() != null ? h.submittedBy() : h.createdBy()));
    }

    /** Opens the database named by the configuration (or the private cluster) and migrates it. */
    public static Components open(Config config) {
        Database db = config.databaseUrl()
                .map(Database::connect)
                .orElseGet(() -> Database.embedded(config.varDir().resolve("pg"), "outpost"));
        try {
            db.migrate();
            return new Components(config, db, Clock.systemUTC());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Javalin httpApp(String defaultRegion) {
        HttpSettings settings = new HttpSettings(
                config.webDir(), config.tileUrl(), config.tileAttribution(), defaultRegion, config.maxUploadBytes());
        HttpServices services = new HttpServices(
                regions,
                stations,
                districts,
                imports,
                clock,
                database::isReady,
                new Security(accounts, authorizer, audit),
                params -> {
                    List<Routes> routes = new ArrayList<>(List.of(
                            new CoverageRoutes(coverage, params),
                            new IsochroneRoutes(coverage, params),
                            new DemandRoutes(demand, params, config.maxUploadBytes()),
                            new ReviewRoutes(review, params),
                            new ReportRoutes(reports, params),
                            new CandidateRoutes(candidates, params, config.maxUploadBytes()),
                            new ScenarioRoutes(scenarios, jobs, proposals, params),
                            new ProposalRoutes(proposals, authorizer, params),
                            new JobRoutes(jobs, params)));
                    routes.addAll(RiderRoutes.of(nearest, checkins, posters, clock, config.publicBaseUrl())
                            .apply(params));
                    return routes;
                });
        return HttpApp.create(
                settings, services, config.tls().map(Tls::connector).orElse(c -> {}));
    }

    public RegionRepository regions() {
        return regions;
    }

    public StationCatalog stations() {
        return stations;
    }

    public DistrictRepository districts() {
        return districts;
    }

    public ImportService imports() {
        return imports;
    }

    public AccountService accounts() {
        return accounts;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public Database database() {
        return database;
    }

    public CoverageService coverage() {
        return coverage;
    }

    public DemandService demand() {
        return demand;
    }

    public ReviewService review() {
        return review;
    }

    public ReportService reports() {
        return reports;
    }

    public NearestService nearest() {
        return nearest;
    }

    public CheckinService checkins() {
        return checkins;
    }

    Networks networks() {
        return networks;
    }

    public CandidateService candidates() {
        return candidates;
    }

    public ScenarioService scenarios() {
        return scenarios;
    }

    public JobService jobs() {
        return jobs;
    }

    /** This instance's name for its jobs: host and data directory, stable across restarts. */
    static String jobRunnerName(Config config) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String name = host + ":" + config.varDir().toAbsolutePath().normalize();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    @Override
    public void close() {
        jobs.close();
        networks.close();
        database.close();
    }
}
