package dev.outpost.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** A fingerprint of every row of the data tables, to prove that a refused request changed nothing. */
public final class DbSnapshot {
    private static final List<String> TABLES = List.of(
            "region",
            "import_batch",
            "district",
            "station",
            "audit_log",
            "app_user",
            "user_area",
            "scenario",
            "scenario_site",
            "proposal_decision");

    private DbSnapshot() {}

    /** Table name → "row count:md5 of all rows as text, sorted". */
    public static Map<String, String> of(Database db) {
        DSLContext dsl = db.dsl();
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            String v = dsl.fetchOne(
                            "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-')"
                                    + " FROM " + t + " x")
                    .get(0, String.class);
            m.put(t, v);
        }
        return m;
    }
}
