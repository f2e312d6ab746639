"""Starts Orca (/usr/bin/orca, with its own arguments) without its check for
other Orcas. That check refuses to start when any process of this user on the
machine is named orca (pgrep -u UID -x orca), even one on another display and
D-Bus session, such as a test running in parallel in another checkout; this
test's Orca has its own X display, session bus and AT-SPI bus."""

import sys

ORCA = "/usr/bin/orca"
scope = {"__name__": "orca_launch", "__file__": ORCA}
with open(ORCA, encoding="utf-8") as f:
    exec(compile(f.read(), ORCA, "exec"), scope)
scope["otherOrcas"] = lambda: []
sys.argv[0] = ORCA
sys.exit(scope["main"]())
