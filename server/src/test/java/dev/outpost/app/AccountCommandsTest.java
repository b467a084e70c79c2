package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.account.LoginResult;
import dev.outpost.account.Role;
import dev.outpost.store.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./outpost create-admin}: the password from standard input or a file, never from the command line. */
class AccountCommandsTest {
    static TestDatabase db;
    static Components components;

    @BeforeAll
    static void open() {
        db = TestDatabase.create("createadmin");
        components = new Components(Config.fromEnvironment(Map.of()), db.database(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    int run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AccountCommands.Request r = AccountCommands.parse(args, stdin(stdin), null);
        int code = AccountCommands.run(
                components.accounts(),
                r,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        lastOut = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        return code;
    }

    String lastOut;

    @Test
    void createsTheFirstAdminFromStandardInputAndItCanLogIn() {
        assertThat(run("管理员的密码-2026\n", "--user", "Root", "--display-name", "系统管理员"))
                .isZero();
        assertThat(lastOut).contains("admin 'root' created");
        LoginResult r = components.accounts().login("root", "管理员的密码-2026", "127.0.0.1", null);
        assertThat(r.user().role()).isEqualTo(Role.ADMIN);
        assertThat(r.user().displayName()).isEqualTo("系统管理员");
        String actor = db.database()
                .dsl()
                .fetchOne("SELECT actor FROM audit_log WHERE entity = 'user' AND entity_id = 'root'")
                .get(0, String.class);
        assertThat(actor).isEqualTo("cli");

        // a second run does not overwrite the account ...
        assertThat(run("another-password-1\n", "--user", "root")).isEqualTo(2);
        assertThat(lastOut).contains("already exists").contains("--reset");
        // ... unless asked to
        assertThat(run("another-password-1\r\n", "--user", "root", "--reset")).isZero();
        assertThat(components.accounts().login("root", "another-password-1", "127.0.0.1", null))
                .isNotNull();
    }

    @Test
    void readsThePasswordFileAndRefusesWeakOrMissingPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw.txt");
        Files.writeString(file, "file-password-1\n", StandardCharsets.UTF_8);
        assertThat(run("", "--user", "ops", "--password-file", file.toString())).isZero();
        assertThat(components.accounts().login("ops", "file-password-1", "127.0.0.1", null))
                .isNotNull();

        assertThat(run("short\n", "--user", "weak")).isEqualTo(2);
        assertThat(lastOut).contains("at least 10");
        assertThatThrownBy(() -> AccountCommands.parse(new String[] {"--user", "x"}, stdin(""), null))
                .hasMessageContaining("no password given");
        assertThatThrownBy(() -> AccountCommands.parse(
                        new String[] {"--user", "x", "--password", "secret-on-the-command-line"}, stdin(""), null))
                .hasMessageContaining("never given on the command line");
        assertThatThrownBy(() -> AccountCommands.parse(new String[] {"--password-file", "x"}, stdin(""), null))
                .hasMessageContaining("--user is required");
        assertThatThrownBy(() -> AccountCommands.parse(
                        new String[] {
                            "--user",
                            "x",
                            "--password-file",
                            dir.resolve("missing").toString()
                        },
                        stdin(""),
                        null))
                .hasMessageContaining("cannot read password file");
    }

    @Test
    void mainKnowsTheCommand() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {"create-admin", "--help"},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./outpost create-admin --user NAME");
    }
}
