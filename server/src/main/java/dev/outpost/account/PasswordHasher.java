package dev.outpost.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106, version 0x13) with Bouncy Castle, stored as a PHC string {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard base64 without padding), so the parameters and the 16-byte
 * random salt travel with each hash and can be raised later ({@link #needsRehash}). The default parameters are
 * OWASP's first recommendation: 19 MiB of memory, 2 passes, 1 lane, a 32-byte tag. Passwords are NFC-normalized and
 * encoded as UTF-8 first, so the same Chinese password typed on different systems matches.
 *
 * <p>Thread-safe. At most {@code maxConcurrent} hashes run at once (each holds {@code memoryKiB} of memory), so a
 * flood of logins cannot exhaust the heap.
 */
public final class PasswordHasher {
    /** OWASP Password Storage Cheat Sheet, Argon2id option 1. */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;

    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int TAG_BYTES = 32;
    /** Upper bounds accepted when reading a stored hash, so a tampered row cannot make one login cost minutes. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;

    private static final int MAX_ITERATIONS = 20;
    private static final int MAX_PARALLELISM = 16;
    /** Longest password accepted, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 1024;

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;
    private final Semaphore permits;
    private volatile String dummyHash;

    /** OWASP's parameters; as many concurrent hashes as processors (at least 2). */
    public PasswordHasher() {
        this(
                DEFAULT_MEMORY_KIB,
                DEFAULT_ITERATIONS,
                DEFAULT_PARALLELISM,
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                new SecureRandom());
    }

    /**
     * @param memoryKiB memory per hash in KiB, at least {@code 8 * parallelism}
     * @param iterations passes over memory, at least 1
     * @param parallelism lanes, 1 to 16
     * @param maxConcurrent hashes allowed to run at the same time, at least 1
     */
    public PasswordHasher(int memoryKiB, int iterations, int parallelism, int maxConcurrent, SecureRandom random) {
        checkParameters(memoryKiB, iterations, parallelism, "hasher");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent " + maxConcurrent + " must be at least 1");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = random;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** A new PHC string for {@code password} with a fresh random salt. */
    public String hash(String password) {
        byte[] pw = passwordBytes(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = limited(() -> argon2id(pw, salt, memoryKiB, iterations, parallelism, TAG_BYTES, null, null));
        Arrays.fill(pw, (byte) 0);
        return encode(memoryKiB, iterations, parallelism, salt, tag);
    }

    /**
     * True when {@code password} matches {@code encoded}, compared in constant time. False (never an exception) for
     * a malformed stored hash.
     */
    public boolean verify(String password, String encoded) {
        Phc phc = Phc.parse(encoded);
        if (phc == null || password == null) {
            return false;
        }
        byte[] pw;
        try {
            pw = passwordBytes(password);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] tag = limited(() ->
                argon2id(pw, phc.salt, phc.memoryKiB, phc.iterations, phc.parallelism, phc.tag.length, null, null));
        Arrays.fill(pw, (byte) 0);
        return MessageDigest.isEqual(tag, phc.tag);
    }

    /**
     * Spends the same time as {@link #verify} against a real hash and returns false: used for unknown user names so
     * that response times do not tell which names exist.
     */
    public boolean verifyDummy(String password) {
        String d = dummyHash;
        if (d == null) {
            d = hash("not a password of anybody");
            dummyHash = d;
        }
        verify(password == null ? "" : password, d);
        return false;
    }

    /** True when {@code encoded} was made with other parameters than this hasher's (or cannot be read). */
    public boolean needsRehash(String encoded) {
        Phc phc = Phc.parse(encoded);
        return phc == null
                || phc.memoryKiB != memoryKiB
                || phc.iterations != iterations
                || phc.parallelism != parallelism
                || phc.tag.length != TAG_BYTES;
    }

    /**
     * Raw Argon2id (version 0x13) through Bouncy Castle, with every input of RFC 9106 section 3.1. Package-private
     * so that the RFC's test vector checks exactly the code path {@link #hash} uses.
     *
     * @param secret the optional key K, or null
     * @param associatedData the optional associated data X, or null
     */
    static byte[] argon2id(
            byte[] password,
            byte[] salt,
            int memoryKiB,
            int iterations,
            int parallelism,
            int tagLength,
            byte[] secret,
            byte[] associatedData) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            b.withSecret(secret);
        }
        if (associatedData != null) {
            b.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(b.build());
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }

    static String encode(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] tag) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return String.format(
                Locale.ROOT,
                "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
                memoryKiB,
                iterations,
                parallelism,
                b64.encodeToString(salt),
                b64.encodeToString(tag));
    }

    static byte[] passwordBytes(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        byte[] b = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException(
                    "password is " + b.length + " bytes long; the limit is " + MAX_PASSWORD_BYTES + " bytes");
        }
        return b;
    }

    private byte[] limited(java.util.function.Supplier<byte[]> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private static void checkParameters(int memoryKiB, int iterations, int parallelism, String what) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    what + ": parallelism " + parallelism + " is out of range 1.." + MAX_PARALLELISM);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(what + ": memory " + memoryKiB + " KiB is out of range "
                    + (8 * parallelism) + ".." + MAX_MEMORY_KIB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    what + ": iterations " + iterations + " is out of range 1.." + MAX_ITERATIONS);
        }
    }

    /** A parsed PHC string; null from {@link #parse} when it is not a readable Argon2id v19 hash. */
    private static final class Phc {
        final int memoryKiB;
        final int iterations;
        final int parallelism;
        final byte[] salt;
        final byte[] tag;

        private Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] tag) {
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.salt = salt;
            this.tag = tag;
        }

        static Phc parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            String[] params = parts[3].split(",", -1);
            if (params.length != 3) {
                return null;
            }
            try {
                for (String kv : params) {
                    if (kv.startsWith("m=")) {
                        m = Integer.parseInt(kv.substring(2));
                    } else if (kv.startsWith("t=")) {
                        t = Integer.parseInt(kv.substring(2));
                    } else if (kv.startsWith("p=")) {
                        p = Integer.parseInt(kv.substring(2));
                    } else {
                        return null;
                    }
                }
                checkParameters(m, t, p, "stored hash");
                Base64.Decoder d = Base64.getDecoder();
                byte[] salt = d.decode(parts[4]);
                byte[] tag = d.decode(parts[5]);
                if (salt.length < 8 || tag.length < 16 || tag.length > 64) {
                    return null;
                }
                return new Phc(m, t, p, salt, tag);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
