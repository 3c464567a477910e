"""The README documents what exists: every command, and every action's default shortcut."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from reviewer.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for command in COMMANDS:
        assert re.search(rf"^reviewer (\[)?{command}\b", README, re.MULTILINE), command


def test_every_documented_command_exists():
    documented = set(re.findall(r"^reviewer \[?(\w+)", README, re.MULTILINE)) - {"--version"}
    assert documented <= set(COMMANDS)


def test_every_flag_of_every_command_is_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command_parser in sub.choices.items():
        for action in command_parser._actions:
            for flag in action.option_strings:
                if flag in ("-h", "--help"):
                    continue
                assert flag in README, f"reviewer {name} {flag} is not in the README"


def test_every_default_shortcut_is_documented(qapp):
    from reviewer.ui.actions import ACTIONS, _sequences

    for spec in ACTIONS:
        sequences = _sequences(spec)
        if not sequences:
            continue
        first = sequences[0].toString(QKeySequence.SequenceFormat.PortableText)
        if spec.id.startswith("verdict_") and spec.id != "verdict_0":
            assert "`1` … `9`" in README
            continue
        shown = {"Ctrl++": "Ctrl+=", "Del": "Del"}.get(first, first)
        assert f"`{shown}`" in README, f"{spec.id}: {first} is not in the README"


def test_readme_shows_the_two_fresh_machine_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]+)\n```", README)
    assert len(commands) == 2
    run, test = commands
    assert run.endswith("reviewer") and "pytest" in test
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci
