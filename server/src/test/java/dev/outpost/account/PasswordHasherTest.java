package dev.outpost.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Argon2id through Bouncy Castle against published known answers, and the PHC encoding of {@link PasswordHasher}
 * against strings made by the reference implementation's command-line tool.
 */
class PasswordHasherTest {
    static final HexFormat HEX = HexFormat.of();

    static byte[] repeat(int b, int n) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return a;
    }

    @Test
    void rfc9106Argon2idTestVector() {
        // RFC 9106 section 5.3: Argon2id, version 0x13, m = 32 KiB, t = 3, p = 4, tag 32 bytes;
        // password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, associated data 12 x 0x04
        byte[] tag = PasswordHasher.argon2id(
                repeat(0x01, 32), repeat(0x02, 16), 32, 3, 4, 32, repeat(0x03, 8), repeat(0x04, 12));
        assertThat(HEX.formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void parametersMatterInTheRfcVector() {
        // one pass fewer, or no secret, gives another tag: the inputs really reach the algorithm
        byte[] ref = PasswordHasher.argon2id(
                repeat(0x01, 32), repeat(0x02, 16), 32, 3, 4, 32, repeat(0x03, 8), repeat(0x04, 12));
        byte[] fewerPasses = PasswordHasher.argon2id(
                repeat(0x01, 32), repeat(0x02, 16), 32, 2, 4, 32, repeat(0x03, 8), repeat(0x04, 12));
        byte[] noSecret =
                PasswordHasher.argon2id(repeat(0x01, 32), repeat(0x02, 16), 32, 3, 4, 32, null, repeat(0x04, 12));
        assertThat(fewerPasses).isNotEqualTo(ref);
        assertThat(noSecret).isNotEqualTo(ref);
    }

    @Test
    void verifiesTheReferenceToolsDocumentedExample() {
        // phc-winner-argon2 README: echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
        // (reproduced here with Debian's argon2 0~20171227)
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        PasswordHasher h = new PasswordHasher();
        assertThat(h.verify("password", reference)).isTrue();
        assertThat(h.verify("Password", reference)).isFalse();
        assertThat(h.needsRehash(reference))
                .as("64 MiB is not our parameter set")
                .isTrue();
    }

    @Test
    void encodesOwaspParametersExactlyAsTheReferenceTool() {
        // echo -n "correct horse battery staple 暖蜂" | argon2 "outpost-salt-16b" -id -t 2 -k 19456 -p 1 -l 32
        // run with Debian's argon2 0~20171227 (the reference implementation's CLI)
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$b3V0cG9zdC1zYWx0LTE2Yg"
                + "$gDfpw8x6T59Qc0UR6y+S7Osu/Pu1BwnbIMqy1+hJrnI";
        byte[] salt = "outpost-salt-16b".getBytes(StandardCharsets.US_ASCII);
        byte[] tag = PasswordHasher.argon2id(
                "correct horse battery staple 暖蜂".getBytes(StandardCharsets.UTF_8),
                salt,
                PasswordHasher.DEFAULT_MEMORY_KIB,
                PasswordHasher.DEFAULT_ITERATIONS,
                PasswordHasher.DEFAULT_PARALLELISM,
                32,
                null,
                null);
        assertThat(HEX.formatHex(tag)).isEqualTo("8037e9c3cc7a4f9f50734511eb2f92eceb2efcfbb50709db20cab2d7e849ae72");
        assertThat(PasswordHasher.encode(19456, 2, 1, salt, tag)).isEqualTo(reference);
        PasswordHasher h = new PasswordHasher();
        assertThat(h.verify("correct horse battery staple 暖蜂", reference)).isTrue();
        assertThat(h.needsRehash(reference)).isFalse();
    }

    @Test
    void hashesAreSaltedAndVerifyOnlyTheirPassword() {
        PasswordHasher h = new PasswordHasher();
        String a = h.hash("规划人员的密码 2026");
        String b = h.hash("规划人员的密码 2026");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        // 16-byte salt and 32-byte tag: 22 and 43 base64 characters without padding
        String[] parts = a.split("\\$");
        assertThat(parts[4]).hasSize(22);
        assertThat(parts[5]).hasSize(43);
        assertThat(h.verify("规划人员的密码 2026", a)).isTrue();
        assertThat(h.verify("规划人员的密码 2026", b)).isTrue();
        assertThat(h.verify("规划人员的密码 2027", a)).isFalse();
        assertThat(h.verify("", a)).isFalse();
    }

    @Test
    void unicodeIsNormalizedSoComposedAndDecomposedAccentsMatch() {
        PasswordHasher h = cheap();
        String composed = "caf\u00e9-驿站";
        String decomposed = "cafe\u0301-驿站";
        assertThat(h.verify(decomposed, h.hash(composed))).isTrue();
    }

    @Test
    void malformedOrTamperedHashesNeverVerify() {
        PasswordHasher h = cheap();
        String good = h.hash("secret-secret");
        String[] p = good.split("\\$");
        char last = p[5].charAt(0);
        String flipped = good.replace("$" + p[5], "$" + (last == 'A' ? 'B' : 'A') + p[5].substring(1));
        assertThat(h.verify("secret-secret", flipped)).isFalse();
        assertThat(h.verify("secret-secret", good.replace("argon2id", "argon2i")))
                .isFalse();
        assertThat(h.verify("secret-secret", good.replace("v=19", "v=16"))).isFalse();
        assertThat(h.verify("secret-secret", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$" + p[5]))
                .as("absurd memory is refused, not attempted")
                .isFalse();
        assertThat(h.verify("secret-secret", "plain-text")).isFalse();
        assertThat(h.verify("secret-secret", null)).isFalse();
        assertThat(h.needsRehash("plain-text")).isTrue();
        assertThat(h.verifyDummy("anything")).isFalse();
    }

    @Test
    void overlongPasswordsAreRefusedWithTheLimit() {
        String huge = "x".repeat(PasswordHasher.MAX_PASSWORD_BYTES + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cheap().hash(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025 bytes")
                .hasMessageContaining("1024");
    }

    /** Small parameters for tests that are about the encoding, not the cost. */
    static PasswordHasher cheap() {
        return new PasswordHasher(64, 1, 1, 2, new SecureRandom());
    }
}
