package io.linkshelf.cli;

/**
 * A failure the user can act on, carrying the exit code it ends the process with; {@link ExitCodes#forException}
 * maps it, and every other unchecked exception is a bug (exit {@link ExitCodes#INTERNAL}).
 */
public class ExitCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ExitCodeException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
