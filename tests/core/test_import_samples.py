"""The bundled sample articles import cleanly, with the metadata the library shows."""

from reviewer.core.importers import find_importable, read_document
from reviewer.core.resources import resource_path


def test_samples_import_cleanly():
    files, problems = find_importable([resource_path("samples")])
    assert not problems
    docs = {path.name: read_document(path) for path in files if path.name != "README.md"}
    assert set(docs) == {"harbour-water-rates.html", "rural-bus-cuts.md", "most-remont.txt"}
    for doc in docs.values():
        assert 400 <= len(doc.text.split()) <= 900
        assert doc.title and "<" not in doc.text
    page = docs["harbour-water-rates.html"]
    assert page.title == "Harbourside water bills to rise 8.5% as reservoir repairs run late"
    assert (page.author, page.site, page.published) == ("Priya Ramanathan", "The Harbourside Ledger", "2024-03-14")
    assert page.url == "https://ledger.example/news/2024/03/14/water-bills-rise-reservoir-repairs"
    assert "Related" not in page.text and "All rights reserved" not in page.text
    assert docs["rural-bus-cuts.md"].title == "County to cut 14 rural bus routes as subsidy runs out"
    assert docs["most-remont.txt"].language == "ru"
    assert len({doc.content_hash for doc in docs.values()}) == 3
