"""The reviewer name set in the app signs the command line's changes to the same library too."""

from __future__ import annotations

from reviewer.core.store import Store
from tests.ui.conftest import SAMPLE_BLOCKS, build_article


def test_the_apps_name_signs_a_verdict_set_from_the_command_line(qtbot, qapp, tmp_path, settings, run_cli):
    from reviewer.app import DeskController

    library = tmp_path / "library.sqlite"
    with Store.open(library, reviewer="someone") as store:
        _article, claims = build_article(store, "Hospital beds", SAMPLE_BLOCKS)
    settings.set_pref("reviewer_name", "Ana Ruiz")
    controller = DeskController(qapp, settings, interactive=False)
    controller._show(Store.open(library))
    try:
        code, _out, err = run_cli("verdict", str(claims[0].id), "disputed", "--db", str(library))
        assert code == 0, err
        code, _out, err = run_cli("verdict", str(claims[1].id), "disputed", "--reviewer", "Bo", "--db", str(library))
        assert code == 0, err
    finally:
        controller.shutdown()
    with Store.open(library) as store:
        assert store.get_review(claims[0].id).reviewer == "Ana Ruiz"
        assert store.get_review(claims[1].id).reviewer == "Bo"  # --reviewer still wins


def test_a_name_changed_in_preferences_reaches_the_library(desk, sample_article, store, settings):
    window = desk()
    settings.set_pref("reviewer_name", "Bo Lind")
    window.apply_preferences()  # what accepting the Preferences dialog does
    assert store.library_reviewer_name() == "Bo Lind"
