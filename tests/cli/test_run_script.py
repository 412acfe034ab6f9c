"""`./run` waits for a busy apt lock and explains it, instead of failing with apt's raw error."""

import subprocess

from tests.conftest import REPO

FUNCTION = subprocess.run(["sed", "-n", "/^APT_WAIT_S=/,/^}/p", str(REPO / "run")], capture_output=True, text=True).stdout


def apt_locked(tmp_path, apt_script: str, wait_s: int = 600) -> subprocess.CompletedProcess:
    """Run the script's apt_locked with a stand-in apt-get (and an instant sleep) first on PATH."""
    (tmp_path / "apt-get").write_text("#!/bin/bash\n" + apt_script)
    (tmp_path / "sleep").write_text("#!/bin/bash\nexit 0\n")
    for name in ("apt-get", "sleep"):
        (tmp_path / name).chmod(0o755)
    return subprocess.run(["bash", "-c", f"APT_WAIT_S={wait_s}\n{FUNCTION.split(chr(10), 1)[1]}\napt_locked install -y x"],
                          capture_output=True, text=True, env={"PATH": f"{tmp_path}:/usr/bin:/bin"})


LOCKED_ONCE = """n=$(cat "$0.count" 2>/dev/null || echo 0); echo $((n+1)) > "$0.count"
if [ "$n" = 0 ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 7 (apt-get)" >&2; exit 100; fi
exit 0
"""


def test_a_busy_lock_is_waited_for_with_an_explanation(tmp_path):
    result = apt_locked(tmp_path, LOCKED_ONCE)
    assert result.returncode == 0
    assert "another program (apt, dpkg or an automatic update) is installing packages; waiting" in result.stderr
    assert "Could not get lock" not in result.stderr


def test_a_lock_held_too_long_says_what_to_do(tmp_path):
    result = apt_locked(tmp_path, 'echo "E: Could not get lock /var/lib/dpkg/lock" >&2; exit 100\n', wait_s=20)
    assert result.returncode == 1
    assert "another program has held the package lock for 20s" in result.stderr
    assert "let it finish, then run this command again" in result.stderr


def test_other_apt_errors_are_shown_as_they_are(tmp_path):
    result = apt_locked(tmp_path, 'echo "E: Unable to locate package x" >&2; exit 100\n')
    assert result.returncode == 1 and "E: Unable to locate package x" in result.stderr and "waiting" not in result.stderr
