package dev.quorum.server.cli;

/**
 * A command failed for a reason the person who ran it can fix (a missing file, a wrong header); the
 * message says what, and is printed without a stack trace.
 */
final class CommandFailure extends RuntimeException {

  CommandFailure(String message) {
    super(message);
  }
}
