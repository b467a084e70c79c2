package dev.outpost.app;

import dev.outpost.account.AccountService;
import dev.outpost.account.User;
import dev.outpost.common.Actor;
import dev.outpost.common.ConflictException;
import dev.outpost.common.ValidationException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./outpost create-admin --user NAME [--display-name NAME] [--password-file FILE] [--reset]}: creates the first
 * admin (or, with {@code --reset}, makes an existing user an enabled admin with a new password). The password comes
 * from the file, else from the terminal (asked twice, not echoed), else from standard input (one line); it never
 * appears on the command line, where other users of the machine could read it. Audited with actor {@code cli}.
 */
final class AccountCommands {
    static final String USAGE = "usage: ./outpost create-admin --user NAME [--display-name NAME]"
            + " [--password-file FILE] [--reset]   (the password is read from FILE, the terminal or standard input)";

    private AccountCommands() {}

    /** What the command was asked to do. */
    record Request(String user, String displayName, boolean reset, String password) {}

    static int createAdmin(
            Config config, String[] args, InputStream in, Console console, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Request r = parse(args, in, console);
        try (Components c = Components.open(config)) {
            return run(c.accounts(), r, out, err);
        }
    }

    /**
     * Reads the options and the password.
     *
     * @param console the terminal, or null when standard input is not one
     * @throws IllegalArgumentException naming a missing or unknown option, an unreadable file, an empty password
     */
    static Request parse(String[] args, InputStream in, Console console) {
        String user = null;
        String displayName = null;
        String passwordFile = null;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--reset" -> reset = true;
                case "--user", "--display-name", "--password-file" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + a + " needs a value; " + USAGE);
                    }
                    String v = args[++i];
                    if (a.equals("--user")) {
                        user = v;
                    } else if (a.equals("--display-name")) {
                        displayName = v;
                    } else {
                        passwordFile = v;
                    }
                }
                case "--password" -> throw new IllegalArgumentException(
                        "the password is never given on the command line; use --password-file FILE or standard input");
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
            }
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("option --user is required; " + USAGE);
        }
        String password;
        if (passwordFile != null) {
            try {
                password = firstLine(Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read password file '" + passwordFile + "': " + e);
            }
        } else if (console != null) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Repeat the password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ (or input ended); nothing was changed");
            }
            password = new String(first);
            Arrays.fill(first, ' ');
            Arrays.fill(second, ' ');
        } else {
            try {
                password = firstLine(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("no password given (the file or standard input was empty)");
        }
        return new Request(user, displayName, reset, password);
    }

    static int run(AccountService accounts, Request r, PrintStream out, PrintStream err) {
        try {
            User u = Actor.as(
                    "cli", () -> accounts.createOrResetAdmin(r.user(), r.displayName(), r.password(), r.reset()));
            out.println((r.reset()
                            ? "admin '" + u.name() + "' is enabled with a new password"
                            : "admin '" + u.name() + "' created")
                    + "; log in on the map page");
            return 0;
        } catch (ValidationException | ConflictException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** The text up to the first line break (a trailing newline from {@code echo} or an editor is not part of it). */
    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
