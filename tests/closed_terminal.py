"""Run a child in a terminal of its own and close that terminal under it (tests of SIGHUP)."""

from __future__ import annotations

import os
import select
import subprocess


def run_until_the_terminal_closes(argv: list[str], env: dict, cwd, word: bytes) -> int:
    """Run ``argv`` in a new session whose controlling terminal is a pseudo-terminal; once its
    output holds ``word``, close the terminal (the kernel sends SIGHUP to the session, and every
    later write to it fails); its exit status."""
    import fcntl
    import pty
    import termios

    controller, terminal = pty.openpty()

    def take_the_terminal() -> None:  # in the child, before it runs
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
