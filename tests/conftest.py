"""Test-session settings shared by every folder."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a red run can be reproduced and a
# green one is not luck; locally they explore new examples each time.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
