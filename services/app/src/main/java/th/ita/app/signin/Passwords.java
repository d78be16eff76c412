package th.ita.app.signin;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;

/** Password hashing with Argon2id (OWASP's recommended parameters: 19 MiB, 2 iterations, 1 lane). */
public final class Passwords {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    public static final int MINIMUM_LENGTH = 12;
    /** Hashing cost grows with the length: a megabyte "password" must not tie up a core. */
    static final int MAXIMUM_LENGTH = 1_024;

    /** The hash a sign-in of an unknown user is checked against, so that it takes as long as a known user's. */
    static final String DUMMY_HASH = Password.hash("no user has this password " + System.nanoTime()).addRandomSalt(16).with(ARGON2).getResult();

    private Passwords() {
    }

    public static String hash(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw ItaException.invalidInput(Message.of("account.passwordTooShort", "minimum", MINIMUM_LENGTH));
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw ItaException.invalidInput(Message.of("account.passwordTooLong", "maximum", MAXIMUM_LENGTH));
        }
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && password.length() <= MAXIMUM_LENGTH && Password.check(password, hash).with(ARGON2);
    }
}
