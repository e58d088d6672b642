"""A real PostgreSQL server for the tests: Debian's ``postgresql`` binaries, a fresh cluster in a temporary
folder, on a free loopback port, stopped at the end. Run as root (as CI does), the server runs as the
``postgres`` user, which PostgreSQL requires."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import free_port

_NAMES = itertools.count()


def _binaries() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)")
    return Path(versions[-1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """The server's admin URL (database ``postgres``, user ``newsfuse``, no password), while it runs."""
    folder = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    folder.chmod(0o755)
    binaries, port, data = _binaries(), free_port(), folder / "data"
    run = [*as_user, str(binaries / "initdb"), "-D", str(data), "-U", "newsfuse", "--auth=trust", "-E", "UTF8"]
    subprocess.run([*run, "--no-sync"], check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    start = [*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w"]
    subprocess.run([*start, "-t", "60", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://newsfuse@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def new_database(admin_url: str) -> str:
    """A new, empty database on the server: its URL."""
    import psycopg

    name = f"store_{os.getpid()}_{next(_NAMES)}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + "/" + name
