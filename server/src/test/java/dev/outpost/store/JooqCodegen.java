package dev.outpost.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Regenerates the jOOQ classes in {@code dev.outpost.store.jooq} against a live PostGIS: starts a private cluster,
 * applies the migrations to a scratch database and reads its schema. Run by {@code ./outpost codegen}; jOOQ's DDL
 * parser cannot read {@code geometry(...)}, so generation from the SQL files alone is not possible.
 */
public final class JooqCodegen {
    private JooqCodegen() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        Path out = root.resolve("server/src/main/java");
        Path pkgDir = out.resolve("dev/outpost/store/jooq");
        try (TestDatabase db = TestDatabase.create("codegen")) {
            if (Files.exists(pkgDir)) {
                try (var walk = Files.walk(pkgDir)) {
                    for (Path p :
                            walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Configuration cfg = new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(db.jdbcUrl())
                            .withUser(db.user())
                            .withPassword(db.password()))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withIncludes("region|import_batch|district|station|audit_log|.*_run|.*_cell.*"
                                            + "|network_version|demand_.*|scenario.*|candidate.*|app_user|user_.*"
                                            + "|session|checkin.*|proposal.*|coverage.*|job")
                                    .withExcludes("spatial_ref_sys|geography_columns|geometry_columns|flyway_.*")
                                    .withForcedTypes(new ForcedType()
                                            .withUserType("org.locationtech.jts.geom.Geometry")
                                            .withBinding("dev.outpost.store.GeometryBinding")
                                            .withIncludeTypes("geometry.*")))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName("dev.outpost.store.jooq")
                                    .withDirectory(out.toString())));
            GenerationTool.generate(cfg);
        }
    }
}
