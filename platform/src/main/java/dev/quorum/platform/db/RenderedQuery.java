package dev.quorum.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A statement that jOOQ renders once, from the generated classes, and that then runs through JDBC
 * on the transaction's connection with new bind values each time. jOOQ renders every query anew on
 * every execution, and on the paths of next-task and submit that rendering, with jOOQ's binding and
 * fetching around it, cost several times the statement's own JDBC round trip (BENCHMARKS.md).
 * jOOQ's manual names caching the rendered SQL for such statements as the way out ("Performance
 * considerations"). Use it only there: everywhere else a query is plain jOOQ.
 *
 * <p>The query is built with placeholder bind values ({@link #param}, or any value); each execution
 * binds new values in the order their placeholders appear in the SQL. Values that partial indexes
 * filter on belong inlined ({@code DSL.inline}) in the query, as anywhere else.
 */
public final class RenderedQuery {

  private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES);

  private final String sql;
  private final int parameters;

  private RenderedQuery(String sql, int parameters) {
    this.sql = sql;
    this.parameters = parameters;
  }

  /** Renders the query that {@code build} makes with a context that only renders. */
  public static RenderedQuery of(Function<DSLContext, ? extends Query> build) {
    Query query = build.apply(RENDERER);
    return new RenderedQuery(RENDERER.render(query), query.getBindValues().size());
  }

  /** A row of a result, read by column label or position. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Placeholder of a bind value of the field's type, for building the query. */
  public static <T> Param<T> param(Field<T> like) {
    return DSL.val(null, like);
  }

  /** {@code INSERT INTO table (fields…) VALUES (?, …)}: one placeholder per field, in order. */
  public static <R extends Record> InsertValuesStepN<R> insertEach(
      DSLContext dsl, Table<R> table, Field<?>... fields) {
    return dsl.insertInto(table, fields)
        .values(Arrays.stream(fields).map(RenderedQuery::param).toList());
  }

  /**
   * Reads a row into a record of {@code table}, each field from the column of its name; for rows
   * that are read, not stored again.
   */
  public static <R extends TableRecord<R>> Row<R> into(Table<R> table) {
    Field<?>[] fields = table.fields();
    return result -> {
      R record = table.newRecord();
      for (Field<?> field : fields) {
        setValue(record, field, value(result, field.getName(), field.getType()));
      }
      record.changed(false);
      return record;
    };
  }

  /** The column's value as {@code type}: the types our generated classes use. */
  public static <T> T value(ResultSet row, String column, Class<T> type) throws SQLException {
    return value(row, row.findColumn(column), type);
  }

  /** The value of the column at {@code column} (from 1) as {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> T value(ResultSet row, int column, Class<T> type) throws SQLException {
    Object value;
    if (type == String.class) {
      value = row.getString(column);
    } else if (type == JSONB.class) {
      String text = row.getString(column);
      value = text == null ? null : JSONB.valueOf(text);
    } else if (EnumType.class.isAssignableFrom(type)) {
      String literal = row.getString(column);
      value = literal == null ? null : EnumType.lookupLiteral((Class) type, literal);
    } else if (type == String[].class) {
      java.sql.Array array = row.getArray(column);
      value = array == null ? null : (String[]) array.getArray();
    } else {
      value = row.getObject(column, type);
    }
    return (T) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> void setValue(Record record, Field<T> field, Object value) {
    record.set(field, (T) value);
  }

  /** Runs the statement in the caller's transaction; returns the number of rows it changed. */
  public int execute(DSLContext dsl, Object... values) {
    return run(dsl, values, PreparedStatement::executeUpdate);
  }

  /** Runs the query in the caller's transaction and reads every row. */
  public <T> List<T> fetch(DSLContext dsl, Row<T> row, Object... values) {
    return run(
        dsl,
        values,
        statement -> {
          List<T> rows = new ArrayList<>();
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              rows.add(row.read(result));
            }
          }
          return rows;
        });
  }

  /** The first row, if the query returns any. */
  public <T> Optional<T> fetchOptional(DSLContext dsl, Row<T> row, Object... values) {
    return run(
        dsl,
        values,
        statement -> {
          try (ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(row.read(result)) : Optional.empty();
          }
        });
  }

  @FunctionalInterface
  private interface Execution<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T run(DSLContext dsl, Object[] values, Execution<T> execution) {
    if (values.length != parameters) {
      throw new IllegalArgumentException(
          values.length + " bind values for " + parameters + " parameters in: " + sql);
    }
    ConnectionProvider connections = dsl.configuration().connectionProvider();
    Connection connection = connections.acquire();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        bind(connection, statement, i + 1, values[i]);
      }
      return execution.run(statement);
    } catch (SQLException e) {
      // jOOQ's own exception, as from any other query: callers and Tx read its SQL state.
      throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
    } finally {
      connections.release(connection);
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, int index, Object v)
      throws SQLException {
    if (v == null) {
      // No type: PostgreSQL infers it from the placeholder's place, as with jOOQ's casts.
      statement.setNull(index, Types.NULL);
    } else if (v instanceof String s) {
      statement.setString(index, s);
    } else if (v instanceof EnumType e) {
      // jOOQ renders an enum's placeholder with a cast to its type, which reads the literal.
      statement.setString(index, e.getLiteral());
    } else if (v instanceof JSONB j) {
      statement.setString(index, j.data());
    } else if (v instanceof String[] array) {
      statement.setArray(index, connection.createArrayOf("text", array));
    } else {
      statement.setObject(index, v);
    }
  }
}
