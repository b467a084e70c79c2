package dev.outpost.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server secret under which device ids are hashed for check-ins: 32 random bytes kept as hex in
 * {@code var/checkin.secret} (created on first start, readable by the owner only). Servers sharing one database must
 * share this file; a new secret makes every device look new (counts of later days are unaffected otherwise).
 */
final class CheckinSecret {
    private CheckinSecret() {}

    static byte[] load(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".checkin-", ".tmp");
                try {
                    try {
                        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // permissions as the file system gives them
                    }
                    Files.writeString(temp, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first; read theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!hex.matches("([0-9a-fA-F]{2}){16,}")) {
                throw new IllegalStateException(file + " must hold at least 16 bytes as hex digits");
            }
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the check-in secret " + file, e);
        }
    }
}
