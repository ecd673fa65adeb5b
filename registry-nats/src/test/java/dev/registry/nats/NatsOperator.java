package dev.registry.nats;

import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * A NATS operator with one account, made in the test with jnats' {@link NKey} and {@link JwtUtils} instead of
 * the {@code nsc} tool: the operator signs the account's JWT, the account signs its users' JWTs, and a server
 * configured with {@link #serverConfiguration} trusts the operator and knows the account (memory resolver).
 * Users are handed out as {@code .creds} files, as {@code nsc generate creds} writes them.
 */
final class NatsOperator {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Claims of an operator. */
    private static final JsonSerializable OPERATOR = () -> "{\"type\":\"operator\",\"version\":2}";

    /** Claims of an account without limits (a missing limit would read as zero, forbidding everything). */
    private static final JsonSerializable ACCOUNT = () -> "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,"
            + "\"imports\":-1,\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1},"
            + "\"type\":\"account\",\"version\":2}";

    private final NKey operator;
    private final NKey account;

    private NatsOperator(NKey operator, NKey account) {
        this.operator = operator;
        this.account = account;
    }

    /** A new operator with a new account. */
    static NatsOperator create() {
        try {
            return new NatsOperator(NKey.createOperator(RANDOM), NKey.createAccount(RANDOM));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create NKeys", e);
        }
    }

    /**
     * nats-server configuration trusting this operator and preloading its account; the operator's JWT is
     * written to {@code directory}.
     */
    String serverConfiguration(Path directory) {
        try {
            String operatorKey = publicKey(operator);
            String accountKey = publicKey(account);
            Path operatorJwt = Files.writeString(Files.createTempFile(directory, "operator-", ".jwt"),
                    jwt(operator, operatorKey, "registry-test-operator", operatorKey, OPERATOR));
            String accountJwt = jwt(operator, accountKey, "registry-test-account", operatorKey, ACCOUNT);
            return "operator: \"" + operatorJwt + "\"\n"
                    + "resolver: MEMORY\n"
                    + "resolver_preload: {\n  " + accountKey + ": \"" + accountJwt + "\"\n}\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .creds} file in {@code directory} for a new user of the account: its JWT and its NKey seed. */
    Path userCredentials(Path directory, String name) {
        try {
            NKey user = NKey.createUser(RANDOM);
            String accountKey = publicKey(account);
            // no issuer_account: that names the account of a user signed by one of the account's signing keys,
            // and this user is signed by the account's own key
            String userJwt = jwt(account, publicKey(user), name, accountKey, new JwtUtils.UserClaim(null));
            String creds = String.format(JwtUtils.NATS_USER_JWT_FORMAT, userJwt, new String(user.getSeed()));
            return Files.writeString(Files.createTempFile(directory, name + "-", ".creds"), creds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the NKey of user " + name, e);
        }
    }

    private static String jwt(NKey signer, String subject, String name, String issuer, JsonSerializable claims) {
        try {
            return JwtUtils.issueJWT(signer, subject, name, null, JwtUtils.currentTimeSeconds(), issuer, claims);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the JWT of " + name, e);
        }
    }

    private static String publicKey(NKey key) {
        try {
            return new String(key.getPublicKey());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read a public NKey", e);
        }
    }
}
