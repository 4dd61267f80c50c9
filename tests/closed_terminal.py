"""Run a child in a terminal of its own and close that terminal under it (tests of SIGHUP)."""

from __future__ import annotations

import os
import select
import signal
import subprocess

#: The signals a terminal's shell starts a command with at their defaults, which a test run may
#: have inherited ignored: ``nohup`` ignores SIGHUP, a job put in the background by a shell
#: without job control (``(nohup pytest &)``) SIGINT too. A child inherits an ignored signal
#: and nndesk keeps it ignored by design (``nohup nndesk``), so a test signalling its child
#: waited for it in vain (verify63 V4: the window kept training after SIGHUP, killed at 120 s).
SHELL_DEFAULTS = (signal.SIGHUP, signal.SIGINT)


def as_a_shell_starts_it() -> None:
    """In a child before it runs (``preexec_fn``): ``SHELL_DEFAULTS`` at their defaults, as a
    shell in a terminal starts a command, whatever this test run was started with."""
    for number in SHELL_DEFAULTS:
        signal.signal(number, signal.SIG_DFL)


def run_until_the_terminal_closes(argv: list[str], env: dict, cwd, word: bytes) -> int:
    """Run ``argv`` in a new session whose controlling terminal is a pseudo-terminal; once its
    output holds ``word``, close the terminal (the kernel sends SIGHUP to the session, and every
    later write to it fails); its exit status."""
    import fcntl
    import pty
    import termios

    controller, terminal = pty.openpty()

    def take_the_terminal() -> None:  # in the child, before it runs
        as_a_shell_starts_it()
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(
        argv,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        preexec_fn=take_the_terminal,  # noqa: PLW1509 - no threads started in between
        env=env,
        cwd=cwd,
    )
    os.close(terminal)
    seen = b""
    try:
        while word not in seen:
            ready, _, _ = select.select([controller], [], [], 120)
            if not ready:
                raise AssertionError(f"no {word!r} within 120 s: {seen[-500:]!r}")
            try:
                seen += os.read(controller, 4096)
            except OSError as err:  # the child ended and closed its side
                raise AssertionError(f"ended before {word!r}: {seen[-500:]!r}") from err
    except BaseException:
        child.kill()
        child.wait()
        os.close(controller)
        raise
    os.close(controller)  # the terminal closes
    try:
        return child.wait(180)
    except subprocess.TimeoutExpired:  # still up: not left running after the test
        child.kill()
        child.wait()
        raise
