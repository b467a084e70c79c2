package dev.outpost.store;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Maps PostGIS {@code geometry} columns to JTS {@link Geometry} for jOOQ's open-source edition, as hex EWKB in both
 * directions (SRID kept). Stateless and thread-safe.
 */
public final class GeometryBinding implements Binding<org.jooq.Geometry, Geometry> {
    private static final long serialVersionUID = 1L;
    static final int SRID = 4326;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private static final Converter<org.jooq.Geometry, Geometry> CONVERTER = new Converter<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public Geometry from(org.jooq.Geometry databaseObject) {
            return databaseObject == null ? null : read(databaseObject.data());
        }

        @Override
        public org.jooq.Geometry to(Geometry userObject) {
            return userObject == null ? null : org.jooq.Geometry.valueOf(write(userObject));
        }

        @Override
        public Class<org.jooq.Geometry> fromType() {
            return org.jooq.Geometry.class;
        }

        @Override
        public Class<Geometry> toType() {
            return Geometry.class;
        }
    };

    static Geometry read(String hexEwkb) {
        try {
            Geometry g = new WKBReader(FACTORY).read(WKBReader.hexToBytes(hexEwkb));
            if (g.getSRID() == 0) {
                g.setSRID(SRID);
            }
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable EWKB: " + e.getMessage(), e);
        }
    }

    static String write(Geometry g) {
        Geometry withSrid = g;
        if (g.getSRID() == 0) {
            withSrid = g.copy();
            withSrid.setSRID(SRID);
        }
        return WKBWriter.toHex(new WKBWriter(2, true).write(withSrid));
    }

    private static org.jooq.Geometry wrap(String hexEwkb) {
        return hexEwkb == null ? null : org.jooq.Geometry.valueOf(hexEwkb);
    }

    @Override
    public Converter<org.jooq.Geometry, Geometry> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<Geometry> ctx) throws SQLException {
        if (ctx.render().paramType() == org.jooq.conf.ParamType.INLINED) {
            ctx.render()
                    .visit(DSL.inline(ctx.convert(converter()).value().data()))
                    .sql("::geometry");
        } else {
            ctx.render().sql(ctx.variable()).sql("::geometry");
        }
    }

    @Override
    public void register(BindingRegisterContext<Geometry> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<Geometry> ctx) throws SQLException {
        org.jooq.Geometry value = ctx.convert(converter()).value();
        ctx.statement().setString(ctx.index(), value == null ? null : value.data());
    }

    @Override
    public void set(BindingSetSQLOutputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetResultSetContext<Geometry> ctx) throws SQLException {
        ctx.convert(converter()).value(wrap(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<Geometry> ctx) throws SQLException {
        ctx.convert(converter()).value(wrap(ctx.statement().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetSQLInputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
